package io.cloudmq.api.node.read;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One queue of a topic on one broker.
 *
 * @param queueId queue id
 * @param minOffset smallest queue offset still stored
 * @param maxOffset next queue offset to be written
 * @param lastStoreTime store time of the newest message, {@code null} for an empty queue
 */
public record NodeQueueStats(int queueId, long minOffset, long maxOffset, @Nullable Instant lastStoreTime) {}
