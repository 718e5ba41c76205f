package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the prepared part of a transaction is stored and how a commit restores it (spec §5.1, §5.2). A
 * send with sysFlag PREPARED is stored in {@link #HALF_TOPIC} queue 0, invisible to consumers, with its
 * real topic and queue in {@code REAL_TOPIC} / {@code REAL_QID}, {@code __transactionId__} set to its
 * {@code UNIQ_KEY} and the transaction bits cleared. A commit stores it in its real topic and queue with
 * sysFlag COMMIT and the half message's physical offset as prepared-transaction offset.
 *
 * <p>Threading: stateless.
 */
public final class HalfMessages {
    /** Topic of the half messages. */
    public static final String HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    /** Producer group of a half message (the client sets it). */
    static final String PRODUCER_GROUP = "PGROUP";
    private static final String TRANSACTION_ID = "__transactionId__";
    private static final int TRANSACTION_TYPE_MASK = 0xC;
    private static final int PREPARED = 0x4;
    private static final int COMMIT = 0x8;

    private HalfMessages() {}

    /** The half message of a prepared send, or {@code message} itself for any other send. */
    public static IncomingMessage toHalf(IncomingMessage message) {
        if ((message.sysFlag() & TRANSACTION_TYPE_MASK) != PREPARED) {
            return message;
        }
        Map<String, String> properties = MessageProperties.parse(message.properties());
        String uniqueId = MessageProperties.uniqueId(properties);
        if (uniqueId != null) {
            properties.put(TRANSACTION_ID, uniqueId);
        }
        properties.remove(ScheduleTopic.DELAY);
        properties.put(ScheduleTopic.REAL_TOPIC, message.topic());
        properties.put(ScheduleTopic.REAL_QID, Integer.toString(message.queueId()));
        return new IncomingMessage(HALF_TOPIC, 0, message.flag(), message.body(), MessageProperties.format(properties),
                message.sysFlag() & ~TRANSACTION_TYPE_MASK, message.bornTimestamp(), message.bornHost(),
                message.reconsumeTimes(), 0);
    }

    /** The committed message of a stored half message, or null if it names no real topic. */
    static @Nullable IncomingMessage committed(IncomingMessage half, long halfPhysicalOffset) {
        Map<String, String> properties = MessageProperties.parse(half.properties());
        String topic = properties.remove(ScheduleTopic.REAL_TOPIC);
        String queueId = properties.remove(ScheduleTopic.REAL_QID);
        if (topic == null || queueId == null) {
            return null;
        }
        return new IncomingMessage(topic, Integer.parseInt(queueId), half.flag(), half.body(),
                MessageProperties.format(properties), (half.sysFlag() & ~TRANSACTION_TYPE_MASK) | COMMIT,
                half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), halfPhysicalOffset);
    }

    /** The producer group a half message names, or null. */
    static @Nullable String producerGroup(IncomingMessage half) {
        return MessageProperties.parse(half.properties()).get(PRODUCER_GROUP);
    }
}
