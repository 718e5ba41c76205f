package io.cloudmq.api.topic;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One queue of a topic.
 *
 * @param brokerName the broker group holding the queue
 * @param queueId queue id within the broker group
 * @param minOffset smallest queue offset still stored
 * @param maxOffset next queue offset to be written
 * @param lastStoreTime store time of the newest message, {@code null} for an empty queue
 */
public record QueueStatsView(String brokerName, int queueId, long minOffset, long maxOffset,
        @Nullable Instant lastStoreTime) {}
