package io.cloudmq.dataplane.broker.reset;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.api.node.NodeQueueReset;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.store.BoundaryType;
import io.cloudmq.dataplane.store.MessageStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans and applies resets of a group's consume offsets on this broker. A plan names, per queue, the offset the
 * group would continue from now (its commit, else the queue's minimum) and the offset the target resolves to:
 * the first message stored at or after the time ({@code SEARCH_OFFSET_BY_TIMESTAMP} semantics, boundary LOWER),
 * the queue's minimum, or its maximum. Applying overwrites the commits the server-side way
 * ({@link ConsumerOffsetStore#reset}), so it works with no consumer online, then tells the {@link ResetListener}
 * of each queue set, so pulls the broker holds for the group are answered at once.
 *
 * <p>Thread-safe: stateless over thread-safe tables and store.
 */
public final class OffsetResets {
    private final TopicTable topics;
    private final ConsumerOffsetStore offsets;
    private final MessageStore store;
    private final ResetListener listener;

    public OffsetResets(TopicTable topics, ConsumerOffsetStore offsets, MessageStore store, ResetListener listener) {
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
        this.listener = listener;
    }

    /**
     * The plan for every queue of every served topic {@code group} committed offsets for, except its own retry
     * and dead-letter topics; ordered by topic and queue id.
     */
    public List<NodeQueueReset> plan(String group, OffsetResetTarget target, long timestamp) {
        List<NodeQueueReset> plan = new ArrayList<>();
        for (String topic : offsets.topicsOf(group)) {
            if (!topic.startsWith(TopicTable.RETRY_PREFIX) && !topic.startsWith(TopicTable.DLQ_PREFIX)) {
                plan.addAll(plan(group, topic, target, timestamp));
            }
        }
        return plan;
    }

    /** The plan for every queue of {@code topic} (none if the topic is not served), ordered by queue id. */
    public List<NodeQueueReset> plan(String group, String topic, OffsetResetTarget target, long timestamp) {
        int queues = topics.find(topic).map(served -> served.config().readQueueNums()).orElse(0);
        List<NodeQueueReset> plan = new ArrayList<>(queues);
        for (int queueId = 0; queueId < queues; queueId++) {
            plan.add(new NodeQueueReset(topic, queueId, current(group, topic, queueId),
                    resolve(topic, queueId, target, timestamp)));
        }
        return plan;
    }

    /** Where the group continues on the queue without a reset: its commit, else the queue's minimum. */
    public long current(String group, String topic, int queueId) {
        return offsets.committed(topic, group, queueId).orElseGet(() -> store.minOffset(topic, queueId));
    }

    /**
     * Sets each offset (clamped into the queue's current range) the server-side way and tells the listener.
     *
     * @return per queue the offset before and the offset set, in the order given
     */
    public List<NodeQueueReset> apply(String group, List<NodeQueueOffset> targets) {
        List<NodeQueueReset> applied = new ArrayList<>(targets.size());
        for (NodeQueueOffset target : targets) {
            long offset = Math.max(store.minOffset(target.topic(), target.queueId()),
                    Math.min(target.offset(), store.maxOffset(target.topic(), target.queueId())));
            applied.add(new NodeQueueReset(target.topic(), target.queueId(),
                    current(group, target.topic(), target.queueId()), offset));
            offsets.reset(target.topic(), group, target.queueId(), offset);
            listener.onReset(group, target.topic(), target.queueId());
        }
        return applied;
    }

    private long resolve(String topic, int queueId, OffsetResetTarget target, long timestamp) {
        return switch (target) {
            case EARLIEST -> store.minOffset(topic, queueId);
            case LATEST -> store.maxOffset(topic, queueId);
            case TIMESTAMP -> store.offsetByTimestamp(topic, queueId, timestamp, BoundaryType.LOWER);
        };
    }
}
