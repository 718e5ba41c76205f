package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.InvalidHeaderException;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.BoundaryType;
import io.cloudmq.dataplane.store.MessageStore;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Queue metadata (spec §4.10): {@code SEARCH_OFFSET_BY_TIMESTAMP} (29), {@code GET_MAX_OFFSET} (30),
 * {@code GET_MIN_OFFSET} (31) and {@code GET_EARLIEST_MSG_STORETIME} (32), answered from the store.
 * Thread-safe.
 */
public final class QueueOffsetProcessor implements SyncRequestProcessor {
    private final MessageStore store;

    public QueueOffsetProcessor(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        String topic = HeaderFields.requireString(fields, "topic");
        int queueId = (int) HeaderFields.requireLong(fields, "queueId");
        HeaderFields.Writer answer = HeaderFields.writer();
        switch (request.code()) {
            case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP -> answer.put("offset", store.offsetByTimestamp(topic, queueId,
                    HeaderFields.requireLong(fields, "timestamp"), boundary(fields.get("boundaryType"))));
            case RequestCode.GET_MAX_OFFSET -> answer.put("offset", store.maxOffset(topic, queueId));
            case RequestCode.GET_MIN_OFFSET -> answer.put("offset", store.minOffset(topic, queueId));
            case RequestCode.GET_EARLIEST_MSG_STORETIME -> answer.put("timestamp", store.earliestStoreTime(topic, queueId));
            default -> throw new IllegalArgumentException("not a queue offset code: " + request.code());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).withExtFields(answer.build());
    }

    private static BoundaryType boundary(@Nullable String value) {
        if (value == null) {
            return BoundaryType.LOWER;
        }
        try {
            return BoundaryType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidHeaderException.malformed("boundaryType", value);
        }
    }
}
