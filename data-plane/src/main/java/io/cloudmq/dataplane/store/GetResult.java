package io.cloudmq.dataplane.store;

import java.util.List;

/**
 * Result of reading a queue.
 *
 * @param status outcome
 * @param nextBeginOffset where the consumer continues (spec §4.6)
 * @param minOffset the queue's min offset at the time of the read
 * @param maxOffset the queue's max offset at the time of the read
 * @param messages the records found, in queue order (empty unless {@link GetStatus#FOUND})
 */
public record GetResult(GetStatus status, long nextBeginOffset, long minOffset, long maxOffset,
        List<StoredMessage> messages) {

    /** Sum of the record sizes. */
    public int totalBytes() {
        return messages.stream().mapToInt(StoredMessage::size).sum();
    }
}
