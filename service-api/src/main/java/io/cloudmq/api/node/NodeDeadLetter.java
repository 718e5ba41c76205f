package io.cloudmq.api.node;

import org.jspecify.annotations.Nullable;

/**
 * One message of a group's dead-letter queue on a broker.
 *
 * @param messageId offset message id of the dead letter (names the broker and the record)
 * @param originalTopic wire name of the topic the message was first sent to
 * @param originalMessageId the message's unique id ({@code UNIQ_KEY}) as the producer saw it
 * @param keys business keys, space-separated
 * @param tags tag
 * @param reconsumeTimes deliveries retried before it was given up
 * @param storeTimestamp when the dead letter was stored, epoch ms
 * @param queueOffset offset in the dead-letter queue
 */
public record NodeDeadLetter(
        String messageId,
        String originalTopic,
        @Nullable String originalMessageId,
        @Nullable String keys,
        @Nullable String tags,
        int reconsumeTimes,
        long storeTimestamp,
        long queueOffset) {}
