package io.cloudmq.api.consumergroup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message of a consumer group's dead-letter queue.
 *
 * @param messageId id of the dead letter, used to resend it
 * @param originalTopic topic the message was sent to
 * @param originalMessageId the message id the producer saw
 * @param keys business keys, space-separated
 * @param tags tag
 * @param reconsumeTimes deliveries retried before it was given up
 * @param storeTime when it became a dead letter
 * @param brokerName broker group holding it
 * @param queueOffset offset in the broker group's dead-letter queue
 */
public record DeadLetterView(
        String messageId,
        String originalTopic,
        @Nullable String originalMessageId,
        @Nullable String keys,
        @Nullable String tags,
        int reconsumeTimes,
        Instant storeTime,
        String brokerName,
        long queueOffset) {}
