package io.cloudmq.dataplane.broker.reset;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.api.node.NodeQueueReset;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.MessageQueue;
import io.cloudmq.dataplane.remoting.protocol.body.ResetOffsetBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code INVOKE_BROKER_TO_RESET_OFFSET} (222), spec §4.15, server-side reset: header {@code topic},
 * {@code group}, {@code timestamp} (−1: to the end), {@code isForce}, optional {@code queueId} (−1: all) and
 * {@code offset} (−1 or absent: from the timestamp). Without {@code isForce} an offset only moves back. Consumers
 * need not be online; each queue's next pull answers {@code PULL_OFFSET_MOVED}. Answers a {@link ResetOffsetBody}
 * with the offsets set. Unknown group → {@code SUBSCRIPTION_GROUP_NOT_EXIST}, unknown topic →
 * {@code TOPIC_NOT_EXIST}, and nothing changes. Registered on masters only; an operator credential is required
 * ({@code RequestAccessTable}). Thread-safe.
 */
public final class ResetOffsetProcessor implements SyncRequestProcessor {
    private static final long TO_END = -1;

    private final GroupTable groups;
    private final TopicTable topics;
    private final OffsetResets resets;
    private final String brokerName;

    public ResetOffsetProcessor(GroupTable groups, TopicTable topics, OffsetResets resets, String brokerName) {
        this.groups = groups;
        this.topics = topics;
        this.resets = resets;
        this.brokerName = brokerName;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        String topic = HeaderFields.requireString(fields, "topic");
        String group = HeaderFields.requireString(fields, "group");
        long timestamp = HeaderFields.requireLong(fields, "timestamp");
        boolean force = HeaderFields.optionalBoolean(fields, "isForce", true);
        Integer queueId = HeaderFields.optionalInt(fields, "queueId");
        Long offset = HeaderFields.optionalLong(fields, "offset");
        if (!groups.exists(group)) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group " + group + " does not exist");
        }
        if (topics.find(topic).isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "topic " + topic + " does not exist");
        }
        OffsetResetTarget target = timestamp == TO_END ? OffsetResetTarget.LATEST : OffsetResetTarget.TIMESTAMP;
        List<NodeQueueOffset> targets = resets.plan(group, topic, target, timestamp).stream()
                .filter(queue -> queueId == null || queueId < 0 || queue.queueId() == queueId)
                .map(queue -> new NodeQueueOffset(topic, queue.queueId(), newOffset(queue, offset, force)))
                .toList();
        Map<MessageQueue, Long> table = new LinkedHashMap<>();
        for (NodeQueueReset applied : resets.apply(group, targets)) {
            table.put(new MessageQueue(topic, brokerName, applied.queueId()), applied.newOffset());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withBody(new ResetOffsetBody(table).encode());
    }

    private static long newOffset(NodeQueueReset queue, @Nullable Long offset, boolean force) {
        long wanted = offset != null && offset >= 0 ? offset : queue.newOffset();
        return force ? wanted : Math.min(wanted, queue.currentOffset());
    }
}
