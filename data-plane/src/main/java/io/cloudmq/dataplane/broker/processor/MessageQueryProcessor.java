package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single-message reads (spec §8.1 item 6): {@code VIEW_MESSAGE_BY_ID} (33) by physical offset and
 * {@code QUERY_MESSAGE} (12) by key, or by unique id when the client sets {@code _UNIQUE_KEY_QUERY}.
 * Bodies are the stored records, copied verbatim. Thread-safe.
 */
public final class MessageQueryProcessor implements SyncRequestProcessor {
    /** Most messages one key query returns. */
    static final int MAX_QUERY_RESULTS = 64;

    private final MessageStore store;

    public MessageQueryProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        if (request.code() == RequestCode.VIEW_MESSAGE_BY_ID) {
            long offset = HeaderFields.requireLong(fields, "offset");
            Optional<StoredMessage> message = store.getByPhysicalOffset(offset);
            return message.map(found -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                            .withBody(concatenate(List.of(found))))
                    .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                            "no message at offset " + offset));
        }
        String topic = HeaderFields.requireString(fields, "topic");
        String key = HeaderFields.requireString(fields, "key");
        Integer maxNum = HeaderFields.optionalInt(fields, "maxNum");
        int limit = Math.min(maxNum == null ? MAX_QUERY_RESULTS : maxNum, MAX_QUERY_RESULTS);
        List<StoredMessage> found = HeaderFields.optionalBoolean(fields, "_UNIQUE_KEY_QUERY", false)
                ? store.queryByUniqueId(topic, key)
                : store.queryByKey(topic, key, limit);
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
