package io.cloudmq.dataplane.store.commitlog;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The offset message id (spec §3.7): upper-case hex of {@code storeIp | storePort int32 |
 * physicalOffset int64}, 32 characters for an IPv4 store address, 56 for IPv6.
 *
 * <p>Threading: stateless.
 */
public final class OffsetMessageId {
    private OffsetMessageId() {}

    /** The id of the record at {@code physicalOffset} stored by {@code storeHost}. */
    public static String of(InetSocketAddress storeHost, long physicalOffset) {
        byte[] ip = storeHost.getAddress().getAddress();
        ByteBuffer bytes = ByteBuffer.allocate(ip.length + Integer.BYTES + Long.BYTES);
        bytes.put(ip).putInt(storeHost.getPort()).putLong(physicalOffset);
        return HexFormat.of().withUpperCase().formatHex(bytes.array());
    }

    /**
     * The physical offset inside an offset message id.
     *
     * @throws IllegalArgumentException if the id is not 32 or 56 hex characters
     */
    public static long physicalOffsetOf(String id) {
        if (id.length() != 32 && id.length() != 56) {
            throw new IllegalArgumentException("not an offset message id: " + id);
        }
        byte[] bytes = HexFormat.of().parseHex(id.toUpperCase(Locale.ROOT));
        return ByteBuffer.wrap(bytes).getLong(bytes.length - Long.BYTES);
    }
}
