package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRecoveryView;
import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeReplicationView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.ReplicationView;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered data-plane node and the outcome of its latest health checks; for a broker also its latest
 * replication figures, kept (with their read time) when a later replication check gets no answer, and how its
 * store was recovered when its process started (from health).
 */
@Entity
@Table(name = "nodes")
class Node {
    /** A node is DOWN after this many consecutive missed health checks. */
    static final int MISSES_UNTIL_DOWN = 2;

    @EmbeddedId
    private NodeKey key;

    @Enumerated(EnumType.STRING)
    private NodeRole role;

    private @Nullable String brokerName;
    private @Nullable Integer brokerId;
    private String adminUrl;
    private String remotingAddress;

    @Enumerated(EnumType.STRING)
    private NodeState state;

    private int missedChecks;
    private @Nullable String version;
    private @Nullable Long pid;
    private @Nullable Instant startedAt;
    private @Nullable Instant lastSeenAt;

    @Embedded
    private @Nullable NodeReplication replication;

    @Embedded
    private @Nullable NodeRecovery recovery;

    @Column(updatable = false)
    private Instant registeredAt;

    protected Node() {
        // for JPA
        this.key = new NodeKey("", "");
        this.role = NodeRole.BROKER;
        this.adminUrl = "";
        this.remotingAddress = "";
        this.state = NodeState.DOWN;
        this.registeredAt = Instant.EPOCH;
    }

    Node(String clusterId, NodeRegistration registration, Instant now) {
        this.key = new NodeKey(clusterId, registration.nodeId());
        this.registeredAt = now;
        this.state = NodeState.DOWN;
        this.role = registration.role();
        this.adminUrl = registration.adminUrl();
        this.remotingAddress = registration.remotingAddress();
        update(registration);
    }

    /** A node that registers again (after a restart or a move) keeps its history but takes the new addresses. */
    void update(NodeRegistration registration) {
        this.role = registration.role();
        this.brokerName = registration.brokerName();
        this.brokerId = registration.brokerId();
        this.adminUrl = registration.adminUrl();
        this.remotingAddress = registration.remotingAddress();
    }

    void recordHealthy(NodeHealthView health, Instant now) {
        this.state = NodeState.UP;
        this.missedChecks = 0;
        this.version = health.version();
        this.pid = health.pid();
        this.startedAt = health.startedAt();
        this.lastSeenAt = now;
        NodeRecoveryView reported = health.recovery();
        this.recovery = reported == null ? null : NodeRecovery.of(reported);
    }

    /** Records a broker's answer to a replication check made at {@code now}. */
    void recordReplication(ReplicationView view, Instant now) {
        this.replication = NodeReplication.of(NodeReplicationView.of(view, now));
    }

    void recordMissedCheck() {
        this.missedChecks++;
        if (missedChecks >= MISSES_UNTIL_DOWN) {
            this.state = NodeState.DOWN;
        }
    }

    /** Takes a new broker id after a failover swapped the group's roles. */
    void assignBrokerId(int newBrokerId) {
        this.brokerId = newBrokerId;
    }

    @Nullable String brokerName() {
        return brokerName;
    }

    @Nullable Integer brokerId() {
        return brokerId;
    }

    String adminUrl() {
        return adminUrl;
    }

    NodeKey key() {
        return key;
    }

    NodeView toView() {
        return new NodeView(key.nodeId(), role, brokerName, brokerId, state, version, pid, startedAt,
                lastSeenAt, adminUrl, remotingAddress, replication == null ? null : replication.toView(),
                recovery == null ? null : recovery.toView());
    }
}
