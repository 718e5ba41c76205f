package io.cloudmq.dataplane.store.schedule;

import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a delayed message is parked and restored (spec §4.14): a message with a positive {@code DELAY}
 * level (not a prepared or rolled-back transaction part) is stored in {@link #TOPIC}, queue
 * {@code level - 1}, with its real topic and queue in {@code REAL_TOPIC} / {@code REAL_QID}. Its
 * consume-queue tag slot holds the deliver time, store time plus the level's delay, derived from the
 * record alone so that recovery rebuilds the same entry. Delivery restores topic and queue and drops
 * the delay properties.
 *
 * <p>Threading: stateless.
 */
public final class ScheduleTopic {
    /** Topic holding parked messages, one queue per level. */
    public static final String TOPIC = "SCHEDULE_TOPIC_XXXX";
    /** Delay level requested by the producer (or the retry path). */
    public static final String DELAY = "DELAY";
    /** Topic the message is delivered to. */
    public static final String REAL_TOPIC = "REAL_TOPIC";
    /** Queue the message is delivered to. */
    public static final String REAL_QID = "REAL_QID";
    private static final String[] TIMER_PROPERTIES = {"TIMER_DELIVER_MS", "TIMER_DELAY_SEC", "TIMER_DELAY_MS"};
    private static final int TRANSACTION_TYPE_MASK = 0xC;
    private static final int TRANSACTION_PREPARED = 0x4;
    private static final int TRANSACTION_ROLLBACK = 0xC;

    private ScheduleTopic() {}

    /**
     * {@code message} parked in its level's queue, or {@code message} itself when it is not delayed.
     *
     * @param properties the parsed properties of {@code message}; when it is parked, {@code REAL_TOPIC}
     *     and {@code REAL_QID} are added, so the map stays the parsed properties of the returned message
     */
    public static IncomingMessage park(IncomingMessage message, Map<String, String> properties, DelayLevels levels) {
        int transactionType = message.sysFlag() & TRANSACTION_TYPE_MASK;
        if (transactionType == TRANSACTION_PREPARED || transactionType == TRANSACTION_ROLLBACK) {
            return message;
        }
        int level = level(properties.get(DELAY));
        if (level <= 0) {
            return message;
        }
        properties.put(REAL_TOPIC, message.topic());
        properties.put(REAL_QID, Integer.toString(message.queueId()));
        return new IncomingMessage(TOPIC, levels.clamp(level) - 1, message.flag(), message.body(),
                MessageProperties.format(properties), message.sysFlag(), message.bornTimestamp(), message.bornHost(),
                message.reconsumeTimes(), message.preparedTransactionOffset());
    }

    /** The message to deliver for a parked one, or null if it names no real topic. */
    public static @Nullable IncomingMessage restore(IncomingMessage parked) {
        Map<String, String> properties = MessageProperties.parse(parked.properties());
        String topic = properties.get(REAL_TOPIC);
        int queueId = level(properties.get(REAL_QID));
        if (topic == null || topic.isEmpty() || queueId < 0) {
            return null;
        }
        properties.remove(DELAY);
        for (String timer : TIMER_PROPERTIES) {
            properties.remove(timer);
        }
        return new IncomingMessage(topic, queueId, parked.flag(), parked.body(), MessageProperties.format(properties),
                parked.sysFlag(), parked.bornTimestamp(), parked.bornHost(), parked.reconsumeTimes(), 0);
    }

    /** The consume-queue tag slot of a record: its deliver time in the schedule topic, else the tag hash. */
    public static long tagsCode(RecordHeader record, Map<String, String> properties, DelayLevels levels) {
        return TOPIC.equals(record.topic())
                ? record.storeTimestamp() + levels.delayMillis(record.queueId() + 1)
                : MessageProperties.tagsCode(properties);
    }

    private static int level(@Nullable String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
