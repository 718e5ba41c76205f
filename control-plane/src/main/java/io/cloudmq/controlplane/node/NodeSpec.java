package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeRole;
import org.jspecify.annotations.Nullable;

/**
 * One node of the local cluster: identity and fixed ports. The admin port is the remoting port + 1000
 * (ARCHITECTURE §1); the replication port, remoting + 1, is derived by the broker itself.
 */
record NodeSpec(String nodeId, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId, int remotingPort) {
    static final int ADMIN_PORT_DISTANCE = 1000;
    static final String HOST = "127.0.0.1";

    int adminPort() {
        return remotingPort + ADMIN_PORT_DISTANCE;
    }

    NodeRegistration registration() {
        return registration(brokerId);
    }

    /** The registration under {@code currentBrokerId}, which differs from the layout's after a failover. */
    NodeRegistration registration(@Nullable Integer currentBrokerId) {
        return new NodeRegistration(nodeId, role, brokerName, currentBrokerId,
                "http://" + HOST + ":" + adminPort(), HOST + ":" + remotingPort);
    }
}
