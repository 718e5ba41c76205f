package io.cloudmq.dataplane.broker.deadletter;

import io.cloudmq.api.node.NodeDeadLetterQuery;
import io.cloudmq.api.node.NodeDeadLetterResend;
import io.cloudmq.api.node.NodeDeadLetters;
import io.cloudmq.api.node.NodeResentLetters;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminRequestException;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.broker.metadata.GroupTable;

/**
 * The node admin API of dead letters on a master broker:
 *
 * <pre>
 * | method and path                      | body                 | answer            |
 * |--------------------------------------|----------------------|-------------------|
 * | POST /admin/v1/dead-letters/list     | NodeDeadLetterQuery  | NodeDeadLetters   |
 * | POST /admin/v1/dead-letters/resend   | NodeDeadLetterResend | NodeResentLetters |
 * </pre>
 *
 * An unknown group → 404 {@code group-not-found}; {@code max} outside 1–{@value #MAX_LETTERS} → 400. Thread-safe.
 */
public final class DeadLetterEndpoints {
    public static final String LIST_PATH = "/admin/v1/dead-letters/list";
    public static final String RESEND_PATH = "/admin/v1/dead-letters/resend";
    static final int MAX_LETTERS = 1000;

    private final GroupTable groups;
    private final DeadLetters letters;
    private final String brokerName;

    public DeadLetterEndpoints(GroupTable groups, DeadLetters letters, String brokerName) {
        this.groups = groups;
        this.letters = letters;
        this.brokerName = brokerName;
    }

    public AdminResponse list(AdminRequest request) {
        NodeDeadLetterQuery query = request.bodyAs(NodeDeadLetterQuery.class);
        requireGroup(query.group());
        if (query.max() < 1 || query.max() > MAX_LETTERS) {
            throw AdminRequestException.badRequest("max must be between 1 and " + MAX_LETTERS);
        }
        return AdminResponse.ok(new NodeDeadLetters(brokerName,
                letters.list(query.group(), query.fromOffset(), query.max())));
    }

    public AdminResponse resend(AdminRequest request) {
        NodeDeadLetterResend resend = request.bodyAs(NodeDeadLetterResend.class);
        requireGroup(resend.group());
        return AdminResponse.ok(new NodeResentLetters(brokerName,
                letters.resend(resend.group(), resend.requestId(), resend.messageIds())));
    }

    private void requireGroup(String group) {
        if (!groups.exists(group)) {
            throw new AdminRequestException(404, "group-not-found", "consumer group " + group + " is not served here");
        }
    }
}
