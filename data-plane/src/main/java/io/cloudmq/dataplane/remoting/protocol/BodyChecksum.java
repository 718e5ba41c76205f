package io.cloudmq.dataplane.remoting.protocol;

import java.util.zip.CRC32;

/** The body checksum of {@code REGISTER_BROKER} ({@code bodyCrc32}), as RocketMQ's {@code UtilAll.crc32}. */
public final class BodyChecksum {
    private BodyChecksum() {}

    /** CRC32 of {@code body} masked to a non-negative int. */
    public static int crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }
}
