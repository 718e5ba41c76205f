package io.cloudmq.dataplane.broker.processor;

import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a {@code UNIQ_KEY} for a message that arrives without one (spec §3.3): 32 upper-case hex digits of
 * <table>
 *   <caption>generated id</caption>
 *   <tr><th>bytes</th><th>field</th></tr>
 *   <tr><td>4</td><td>store IPv4 address (low 4 bytes of an IPv6 one)</td></tr>
 *   <tr><td>4</td><td>store port</td></tr>
 *   <tr><td>8</td><td>start time of this generator in ms plus a counter</td></tr>
 * </table>
 * Thread-safe.
 */
final class UniqueIds {
    private final byte[] prefix = new byte[8];
    private final AtomicLong sequence;

    UniqueIds(InetSocketAddress storeAddress, long startMillis) {
        byte[] address = storeAddress.getAddress().getAddress();
        System.arraycopy(address, address.length - 4, prefix, 0, 4);
        int port = storeAddress.getPort();
        prefix[4] = (byte) (port >>> 24);
        prefix[5] = (byte) (port >>> 16);
        prefix[6] = (byte) (port >>> 8);
        prefix[7] = (byte) port;
        this.sequence = new AtomicLong(startMillis << 16);
    }

    String next() {
        long value = sequence.incrementAndGet();
        return HexFormat.of().withUpperCase().formatHex(prefix) + HexFormat.of().withUpperCase().toHexDigits(value);
    }
}
