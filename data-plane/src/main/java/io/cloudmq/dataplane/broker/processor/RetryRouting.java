package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a failed message goes (spec §4.13): back to {@code %RETRY%<group>} through a delay level, or,
 * once it has been reconsumed the group's maximum number of times, to {@code %DLQ%<group>} (queue 0, no
 * delay). The group's configured maximum wins over the client's; the client's applies only to a group
 * this broker does not know.
 *
 * <p>Threading: immutable apart from the group table it reads, thread-safe.
 */
final class RetryRouting {
    /** Property the client reads to restore the topic of a retried message. */
    static final String RETRY_TOPIC = "RETRY_TOPIC";
    /** Property holding the first message id of a retried message. */
    static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";
    /** RocketMQ's {@code retryMaxTimes}, for groups with no maximum. */
    static final int DEFAULT_MAX_RETRIES = 16;
    private static final int FIRST_RETRY_LEVEL = 3;

    private final GroupTable groups;

    RetryRouting(GroupTable groups) {
        this.groups = groups;
    }

    /** The maximum reconsume count of {@code group}: its configured one, else the client's, else 16. */
    int maxRetries(String group, @Nullable Integer clientMaximum) {
        return groups.find(group).map(DesiredGroup::maxRetries)
                .orElse(clientMaximum == null ? DEFAULT_MAX_RETRIES : clientMaximum);
    }

    /**
     * The client's own re-send to {@code %RETRY%<group>} (its fallback): to the DLQ when
     * {@code reconsumeTimes} exceeds the group's maximum, otherwise unchanged.
     */
    IncomingMessage routeClientRetry(IncomingMessage message) {
        if (!message.topic().startsWith(TopicTable.RETRY_PREFIX)) {
            return message;
        }
        String group = message.topic().substring(TopicTable.RETRY_PREFIX.length());
        if (message.reconsumeTimes() <= maxRetries(group, null)) {
            return message;
        }
        Map<String, String> properties = MessageProperties.parse(message.properties());
        properties.remove(ScheduleTopic.DELAY);
        return withTopic(message, TopicTable.DLQ_PREFIX + group, MessageProperties.format(properties),
                message.reconsumeTimes());
    }

    /**
     * The re-stored copy of a failed message for {@code CONSUMER_SEND_MSG_BACK}: reconsume count plus one,
     * {@code RETRY_TOPIC} and {@code ORIGIN_MESSAGE_ID} kept or set, to the retry topic with a delay level
     * or to the dead-letter topic.
     */
    IncomingMessage sendBack(IncomingMessage failed, String group, int delayLevel, String offsetMessageId,
            @Nullable Integer clientMaximum) {
        Map<String, String> properties = MessageProperties.parse(failed.properties());
        properties.putIfAbsent(RETRY_TOPIC, failed.topic());
        properties.putIfAbsent(ORIGIN_MESSAGE_ID, offsetMessageId);
        boolean dead = failed.reconsumeTimes() >= maxRetries(group, clientMaximum) || delayLevel < 0;
        String topic;
        if (dead) {
            properties.remove(ScheduleTopic.DELAY);
            topic = TopicTable.DLQ_PREFIX + group;
        } else {
            properties.put(ScheduleTopic.DELAY,
                    Integer.toString(delayLevel == 0 ? FIRST_RETRY_LEVEL + failed.reconsumeTimes() : delayLevel));
            topic = TopicTable.RETRY_PREFIX + group;
        }
        return withTopic(failed, topic, MessageProperties.format(properties), failed.reconsumeTimes() + 1);
    }

    private static IncomingMessage withTopic(IncomingMessage message, String topic, String properties,
            int reconsumeTimes) {
        return new IncomingMessage(topic, 0, message.flag(), message.body(), properties, message.sysFlag(),
                message.bornTimestamp(), message.bornHost(), reconsumeTimes, 0);
    }
}
