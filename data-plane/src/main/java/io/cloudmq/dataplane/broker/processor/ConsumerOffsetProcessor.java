package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.MessageStore;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code QUERY_CONSUMER_OFFSET} (14) and {@code UPDATE_CONSUMER_OFFSET} (15), spec §4.4. A group with
 * nothing committed reads 0 while the queue is non-empty and has lost no data (minimum offset 0), as the
 * RocketMQ broker answers for a fresh broker; otherwise {@code QUERY_NOT_FOUND}. Unknown groups get
 * {@code SUBSCRIPTION_GROUP_NOT_EXIST}, updates for unknown topics {@code TOPIC_NOT_EXIST}.
 *
 * <p>Thread-safe.
 */
public final class ConsumerOffsetProcessor implements SyncRequestProcessor {
    private final GroupTable groups;
    private final TopicTable topics;
    private final ConsumerOffsetStore offsets;
    private final MessageStore store;

    public ConsumerOffsetProcessor(GroupTable groups, TopicTable topics, ConsumerOffsetStore offsets, MessageStore store) {
        this.groups = groups;
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        String group = HeaderFields.requireString(fields, "consumerGroup");
        String topic = HeaderFields.requireString(fields, "topic");
        int queueId = (int) HeaderFields.requireLong(fields, "queueId");
        if (!groups.exists(group)) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group " + group + " does not exist");
        }
        if (request.code() == RequestCode.UPDATE_CONSUMER_OFFSET) {
            if (topics.find(topic).isEmpty()) {
                return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "topic " + topic + " does not exist");
            }
            offsets.commit(topic, group, queueId, HeaderFields.requireLong(fields, "commitOffset"));
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        OptionalLong committed = offsets.committed(topic, group, queueId);
        boolean zeroIfNotFound = HeaderFields.optionalBoolean(fields, "setZeroIfNotFound", true);
        if (committed.isEmpty() && zeroIfNotFound && store.minOffset(topic, queueId) == 0
                && store.maxOffset(topic, queueId) > 0) {
            committed = OptionalLong.of(0);
        }
        if (committed.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, "no committed offset");
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withExtFields(HeaderFields.writer().put("offset", committed.getAsLong()).build());
    }
}
