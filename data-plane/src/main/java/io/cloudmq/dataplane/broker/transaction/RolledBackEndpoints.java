package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.api.node.NodeRolledBackHalves;
import io.cloudmq.api.node.NodeRolledBackQuery;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminRequestException;
import io.cloudmq.dataplane.admin.AdminResponse;

/**
 * The node admin API of rolled-back transaction halves on a master broker:
 *
 * <pre>
 * | method and path                              | body                | answer               |
 * |----------------------------------------------|---------------------|----------------------|
 * | POST /admin/v1/transactions/rolled-back/list | NodeRolledBackQuery | NodeRolledBackHalves |
 * </pre>
 *
 * {@code max} outside 1–{@value #MAX_HALVES} or a namespace not ending in {@code %} → 400. Thread-safe.
 */
public final class RolledBackEndpoints {
    public static final String LIST_PATH = "/admin/v1/transactions/rolled-back/list";
    static final int MAX_HALVES = 1000;

    private final RolledBackHalves halves;
    private final String brokerName;

    public RolledBackEndpoints(RolledBackHalves halves, String brokerName) {
        this.halves = halves;
        this.brokerName = brokerName;
    }

    public AdminResponse list(AdminRequest request) {
        NodeRolledBackQuery query = request.bodyAs(NodeRolledBackQuery.class);
        if (query.max() < 1 || query.max() > MAX_HALVES) {
            throw AdminRequestException.badRequest("max must be between 1 and " + MAX_HALVES);
        }
        if (query.namespace().length() < 2 || !query.namespace().endsWith("%")) {
            throw AdminRequestException.badRequest("namespace must be an instance id followed by %");
        }
        return AdminResponse.ok(new NodeRolledBackHalves(brokerName, halves.list(query.namespace(), query.max())));
    }
}
