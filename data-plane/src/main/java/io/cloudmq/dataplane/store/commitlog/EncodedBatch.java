package io.cloudmq.dataplane.store.commitlog;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The records of one put, encoded (body CRC included) before the put lock is taken, so that under the
 * lock only the three position-dependent fields are filled in and the bytes copied. The buffer holds
 * the records back to back in the {@link RecordCodec} layout; until {@link #assign} these fields are
 * zero:
 *
 * <pre>
 * | offset in a record | size | field                                     |
 * |--------------------|------|-------------------------------------------|
 * | 20                 | 8    | QUEUEOFFSET                               |
 * | 28                 | 8    | PHYSICALOFFSET                            |
 * | 56 (IPv6 born: 68) | 8    | STORETIMESTAMP (after the born host)      |
 * </pre>
 *
 * <p>Threading: built by the putting thread; {@link #assign} and reading the bytes under the put lock.
 */
public final class EncodedBatch {
    private final ByteBuffer bytes;
    private final int[] sizes;

    private EncodedBatch(ByteBuffer bytes, int[] sizes) {
        this.bytes = bytes;
        this.sizes = sizes;
    }

    /** Encodes {@code messages} as stored by {@code storeHost}, with offsets and store time unassigned. */
    static EncodedBatch encode(List<IncomingMessage> messages, InetSocketAddress storeHost) {
        RecordCodec.Fields[] fields = new RecordCodec.Fields[messages.size()];
        int[] sizes = new int[fields.length];
        int total = 0;
        for (int i = 0; i < fields.length; i++) {
            fields[i] = RecordCodec.Fields.of(messages.get(i), storeHost);
            sizes[i] = fields[i].size();
            total += sizes[i];
        }
        ByteBuffer bytes = ByteBuffer.allocate(total);
        for (RecordCodec.Fields record : fields) {
            RecordCodec.encode(record, 0, 0, 0, bytes);
        }
        return new EncodedBatch(bytes.flip(), sizes);
    }

    int count() {
        return sizes.length;
    }

    /** Size of record {@code i} in bytes. */
    int size(int i) {
        return sizes[i];
    }

    int totalSize() {
        return bytes.limit();
    }

    /**
     * Fills in the physical offsets (consecutive from {@code firstPhysicalOffset}), the queue offsets
     * (consecutive from {@code firstQueueOffset}) and the store time of every record.
     */
    void assign(long firstPhysicalOffset, long firstQueueOffset, long storeTimestamp) {
        int position = 0;
        for (int i = 0; i < sizes.length; i++) {
            RecordCodec.assign(bytes, position, firstPhysicalOffset + position, firstQueueOffset + i, storeTimestamp);
            position += sizes[i];
        }
    }

    /** A view of all encoded bytes, positioned at the first. */
    ByteBuffer bytes() {
        return bytes.duplicate();
    }
}
