package io.cloudmq.api.node;

import org.jspecify.annotations.Nullable;

/**
 * One transaction half a broker rolled back after the maximum number of checks and keeps in
 * {@code TRANS_CHECK_MAX_TIME_TOPIC} for audit.
 *
 * @param messageId offset message id of the kept record (names the broker and the record)
 * @param topic wire name of the topic the transaction was for
 * @param transactionMessageId the half's unique id ({@code UNIQ_KEY}) as the producer saw it
 * @param producerGroup the producer group that was asked ({@code PGROUP})
 * @param keys business keys, space-separated
 * @param tags tag
 * @param bornTimestamp when the producer sent the half, epoch ms
 * @param rolledBackTimestamp when it was rolled back and kept, epoch ms
 * @param queueOffset offset in the kept queue
 */
public record NodeRolledBackHalf(
        String messageId,
        String topic,
        @Nullable String transactionMessageId,
        @Nullable String producerGroup,
        @Nullable String keys,
        @Nullable String tags,
        long bornTimestamp,
        long rolledBackTimestamp,
        long queueOffset) {}
