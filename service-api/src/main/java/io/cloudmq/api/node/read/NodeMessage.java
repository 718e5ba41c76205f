package io.cloudmq.api.node.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored message, decoded.
 *
 * @param messageId the offset message id (store address and physical offset)
 * @param topic wire topic name
 * @param properties every property, including {@code TAGS}, {@code KEYS} and {@code UNIQ_KEY} when set
 * @param bodySize stored body length in bytes
 * @param body the body as UTF-8 text, at most {@value #MAX_BODY_BYTES} bytes of it; {@code null} when the
 *     body is not valid UTF-8 (binary or compressed)
 * @param storeTime when the broker stored it
 * @param bornTime when the producer created it
 * @param brokerName the broker group of the answering node
 * @param queueId queue id
 * @param queueOffset consume-queue offset
 * @param deliveries every group with a committed offset on the message's queue
 */
public record NodeMessage(
        String messageId,
        String topic,
        Map<String, String> properties,
        int bodySize,
        @Nullable String body,
        Instant storeTime,
        Instant bornTime,
        String brokerName,
        int queueId,
        long queueOffset,
        List<NodeDelivery> deliveries) {
    /** Largest part of a body that is returned. */
    public static final int MAX_BODY_BYTES = 4096;

    public NodeMessage {
        properties = Map.copyOf(properties);
        deliveries = List.copyOf(deliveries);
    }
}
