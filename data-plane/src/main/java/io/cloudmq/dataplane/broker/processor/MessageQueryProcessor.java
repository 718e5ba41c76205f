package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Single-message reads (spec §8.1 item 6): {@code VIEW_MESSAGE_BY_ID} (33) by physical offset and
 * {@code QUERY_MESSAGE} (12) by key, or by unique id when the client sets {@code _UNIQUE_KEY_QUERY}.
 * Bodies are the stored records, copied verbatim. A requester reads only messages of topics it may see
 * (tenant isolation): a message found by offset outside them is {@code NO_PERMISSION}, and a key query
 * leaves them out, so no tenant reads another's message by guessing an offset or a key. Thread-safe.
 */
public final class MessageQueryProcessor implements SyncRequestProcessor {
    /** Most messages one key query returns. */
    static final int MAX_QUERY_RESULTS = 64;

    private final MessageStore store;
    private final Function<RemotingCommand, Predicate<String>> visibility;

    /**
     * @param visibility the topics the sender of a request may read (e.g.
     *     {@link io.cloudmq.dataplane.auth.TopicVisibility#forRequest})
     */
    public MessageQueryProcessor(MessageStore store, Function<RemotingCommand, Predicate<String>> visibility) {
        this.store = store;
        this.visibility = visibility;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        if (request.code() == RequestCode.VIEW_MESSAGE_BY_ID) {
            long offset = HeaderFields.requireLong(fields, "offset");
            Optional<StoredMessage> message = store.getByPhysicalOffset(offset);
            if (message.isPresent() && !visibility.apply(request).test(topicOf(message.get()))) {
                return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION,
                        "the message at offset " + offset + " is not in a topic this credential may read");
            }
            return message.map(found -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                            .withBody(concatenate(List.of(found))))
                    .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                            "no message at offset " + offset));
        }
        String topic = HeaderFields.requireString(fields, "topic");
        String key = HeaderFields.requireString(fields, "key");
        Integer maxNum = HeaderFields.optionalInt(fields, "maxNum");
        int limit = Math.min(maxNum == null ? MAX_QUERY_RESULTS : maxNum, MAX_QUERY_RESULTS);
        Predicate<String> visible = visibility.apply(request);
        List<StoredMessage> found = (HeaderFields.optionalBoolean(fields, "_UNIQUE_KEY_QUERY", false)
                ? store.queryByUniqueId(topic, key)
                : store.queryByKey(topic, key, limit)).stream()
                .filter(message -> visible.test(topicOf(message)))
                .toList();
        if (found.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, "no message with key " + key);
        }
        long lastTimestamp = found.stream().mapToLong(StoredMessage::storeTimestamp).max().orElse(0);
        long lastOffset = found.stream().mapToLong(StoredMessage::physicalOffset).max().orElse(0);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withExtFields(HeaderFields.writer()
                        .put("indexLastUpdateTimestamp", lastTimestamp)
                        .put("indexLastUpdatePhyoffset", lastOffset)
                        .build())
                .withBody(concatenate(found));
    }

    private static String topicOf(StoredMessage message) {
        RecordHeader header = RecordCodec.scan(message.bytes(), 0, message.size()).header();
        if (header == null) {
            throw new IllegalStateException("stored record at offset " + message.physicalOffset() + " does not decode");
        }
        return header.topic();
    }

    private static byte[] concatenate(List<StoredMessage> messages) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (StoredMessage message : messages) {
            byte[] bytes = new byte[message.size()];
            message.bytes().duplicate().get(bytes);
            body.writeBytes(bytes);
        }
        return body.toByteArray();
    }
}
