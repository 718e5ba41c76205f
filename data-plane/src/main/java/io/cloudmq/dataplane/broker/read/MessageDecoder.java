package io.cloudmq.dataplane.broker.read;

import io.cloudmq.api.node.read.NodeDelivery;
import io.cloudmq.api.node.read.NodeMessage;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored record (layout in {@link io.cloudmq.dataplane.store.commitlog.RecordCodec}) into a
 * {@link NodeMessage}: id from the record's own store host and physical offset, properties parsed, the body as
 * UTF-8 text when it is valid UTF-8 (its first {@value NodeMessage#MAX_BODY_BYTES} bytes, cut at a character
 * boundary), and the committed offsets of every group on its queue. Immutable and thread-safe.
 */
final class MessageDecoder {
    private final String brokerName;

    MessageDecoder(String brokerName) {
        this.brokerName = brokerName;
    }

    /** @param committed group → committed offset on a (topic, queue id) */
    NodeMessage decode(StoredMessage stored, BiFunction<String, Integer, Map<String, Long>> committed) {
        IncomingMessage message = StoredRecords.toIncoming(stored.bytes());
        String messageId = OffsetMessageId.of(StoredRecords.storeHostOf(stored.bytes()), stored.physicalOffset());
        List<NodeDelivery> deliveries = committed.apply(message.topic(), message.queueId()).entrySet().stream()
                .map(entry -> new NodeDelivery(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(NodeDelivery::group))
                .toList();
        return new NodeMessage(messageId, message.topic(), MessageProperties.parse(message.properties()),
                message.body().length, text(message.body()), Instant.ofEpochMilli(stored.storeTimestamp()),
                Instant.ofEpochMilli(message.bornTimestamp()), brokerName, message.queueId(), stored.queueOffset(),
                deliveries);
    }

    /** The body as text, or null when it is not valid UTF-8. */
    static @Nullable String text(byte[] body) {
        try {
            String whole = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return truncate(whole);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        if (text.length() * 3L <= NodeMessage.MAX_BODY_BYTES) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > NodeMessage.MAX_BODY_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }
}
