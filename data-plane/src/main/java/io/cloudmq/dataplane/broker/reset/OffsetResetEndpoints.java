package io.cloudmq.dataplane.broker.reset;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.NodeOffsetResetPlan;
import io.cloudmq.api.node.NodeOffsetResetPreview;
import io.cloudmq.api.node.NodeOffsetResetRequest;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminRequestException;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;

/**
 * The node admin API of offset resets on a master broker; both answer a {@link NodeOffsetResetPlan}:
 *
 * <pre>
 * | method and path                        | body                   | does                                  |
 * |----------------------------------------|------------------------|---------------------------------------|
 * | POST /admin/v1/offset-resets/preview   | NodeOffsetResetPreview | plans, changes nothing                |
 * | POST /admin/v1/offset-resets           | NodeOffsetResetRequest | sets the offsets (server-side reset)  |
 * </pre>
 *
 * An unknown group → 404 {@code group-not-found}; a queue of a topic not served → 404 {@code topic-not-found}
 * (nothing is changed then); a TIMESTAMP target without timestamp → 400. Thread-safe.
 */
public final class OffsetResetEndpoints {
    public static final String PREVIEW_PATH = "/admin/v1/offset-resets/preview";
    public static final String APPLY_PATH = "/admin/v1/offset-resets";

    private final GroupTable groups;
    private final TopicTable topics;
    private final OffsetResets resets;
    private final String brokerName;

    public OffsetResetEndpoints(GroupTable groups, TopicTable topics, OffsetResets resets, String brokerName) {
        this.groups = groups;
        this.topics = topics;
        this.resets = resets;
        this.brokerName = brokerName;
    }

    public AdminResponse preview(AdminRequest request) {
        NodeOffsetResetPreview preview = request.bodyAs(NodeOffsetResetPreview.class);
        requireGroup(preview.group());
        Long timestamp = preview.timestamp();
        if (preview.target() == OffsetResetTarget.TIMESTAMP && timestamp == null) {
            throw AdminRequestException.badRequest("target TIMESTAMP needs a timestamp");
        }
        return AdminResponse.ok(new NodeOffsetResetPlan(brokerName,
                resets.plan(preview.group(), preview.target(), timestamp == null ? 0 : timestamp)));
    }

    public AdminResponse apply(AdminRequest request) {
        NodeOffsetResetRequest reset = request.bodyAs(NodeOffsetResetRequest.class);
        requireGroup(reset.group());
        for (NodeQueueOffset queue : reset.queues()) {
            if (topics.find(queue.topic()).filter(served -> queue.queueId() >= 0
                    && queue.queueId() < served.config().readQueueNums()).isEmpty()) {
                throw new AdminRequestException(404, "topic-not-found",
                        "queue " + queue.queueId() + " of topic " + queue.topic() + " is not served here");
            }
        }
        return AdminResponse.ok(new NodeOffsetResetPlan(brokerName, resets.apply(reset.group(), reset.queues())));
    }

    private void requireGroup(String group) {
        if (!groups.exists(group)) {
            throw new AdminRequestException(404, "group-not-found", "consumer group " + group + " is not served here");
        }
    }
}
