package io.cloudmq.api.message;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A transaction message a broker rolled back because its producer did not resolve it within the maximum number of
 * checks; the broker keeps it for audit.
 *
 * @param messageId id of the kept record on its broker
 * @param topic the instance-local topic the transaction was for
 * @param transactionMessageId the half message's id as the producer saw it
 * @param producerGroup the producer group the broker asked
 * @param keys business keys, space-separated
 * @param tags tag
 * @param bornTime when the producer sent the half message
 * @param rolledBackTime when the broker rolled it back
 * @param brokerName broker group holding it
 * @param queueOffset offset in the broker group's queue of kept halves
 */
public record RolledBackTransactionView(
        String messageId,
        String topic,
        @Nullable String transactionMessageId,
        @Nullable String producerGroup,
        @Nullable String keys,
        @Nullable String tags,
        Instant bornTime,
        Instant rolledBackTime,
        String brokerName,
        long queueOffset) {}
