package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.Perm;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import java.util.Map;

/**
 * Topic admin codes for standard tooling: {@code UPDATE_AND_CREATE_TOPIC} (17) and
 * {@code DELETE_TOPIC_IN_BROKER} (215). They change this broker's local topic table (see
 * {@link TopicTable}); when it changed, {@code onTopicsChanged} re-registers with the name servers.
 * Thread-safe.
 */
public final class TopicAdminProcessor implements SyncRequestProcessor {
    private final TopicTable topics;
    private final Runnable onTopicsChanged;

    public TopicAdminProcessor(TopicTable topics, Runnable onTopicsChanged) {
        this.topics = topics;
        this.onTopicsChanged = onTopicsChanged;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        String topic = HeaderFields.requireString(fields, "topic");
        boolean changed;
        if (request.code() == RequestCode.UPDATE_AND_CREATE_TOPIC) {
            int readQueues = (int) HeaderFields.requireLong(fields, "readQueueNums");
            int writeQueues = (int) HeaderFields.requireLong(fields, "writeQueueNums");
            Integer perm = HeaderFields.optionalInt(fields, "perm");
            if (readQueues < 1 || writeQueues < 1) {
                return RemotingCommand.responseTo(request, ResponseCode.INVALID_PARAMETER, "queue counts must be positive");
            }
            changed = topics.createOrUpdate(new TopicConfig(topic, readQueues, writeQueues,
                    perm == null ? Perm.READ | Perm.WRITE : perm, TopicConfig.SINGLE_TAG, 0,
                    HeaderFields.optionalBoolean(fields, "order", false), Map.of()));
        } else {
            changed = topics.delete(topic);
        }
        if (changed) {
            onTopicsChanged.run();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
