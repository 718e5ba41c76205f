package io.cloudmq.api.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored message.
 *
 * @param messageId the offset message id
 * @param topic the instance-local topic name
 * @param tags the {@code TAGS} property, {@code null} without one
 * @param keys the {@code KEYS} property (space-separated), {@code null} without one
 * @param properties every property
 * @param bodySize body length in bytes
 * @param body the body as UTF-8 text (at most 4 KiB of it), {@code null} if it is not valid UTF-8
 * @param storeTime when the broker stored it
 * @param bornTime when the producer created it
 * @param brokerName the broker group that stored it
 * @param queueId queue id
 * @param queueOffset consume-queue offset
 * @param deliveries every group of the instance with a committed offset on the message's queue
 */
public record MessageView(
        String messageId,
        String topic,
        @Nullable String tags,
        @Nullable String keys,
        Map<String, String> properties,
        int bodySize,
        @Nullable String body,
        Instant storeTime,
        Instant bornTime,
        String brokerName,
        int queueId,
        long queueOffset,
        List<MessageDeliveryView> deliveries) {
    public MessageView {
        properties = Map.copyOf(properties);
        deliveries = List.copyOf(deliveries);
    }
}
