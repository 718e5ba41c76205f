package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeReplicationView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A broker's replication figures as the health monitor last read them, stored in the {@code nodes} row
 * (Hibernate reads an all-NULL group of columns as no figures). Immutable.
 */
@Embeddable
record NodeReplication(
        @Column(name = "replication_role") String brokerRole,
        @Column(name = "replication_epoch") long epoch,
        @Column(name = "end_offset") long endOffset,
        @Column(name = "confirmed_offset") long confirmedOffset,
        @Column(name = "lag_bytes") long lagBytes,
        @Column(name = "lag_millis") long lagMillis,
        @Column(name = "in_sync") boolean inSync,
        @Column(name = "replication_checked_at") Instant checkedAt) {

    static NodeReplication of(NodeReplicationView view) {
        return new NodeReplication(view.brokerRole(), view.epoch(), view.endOffset(), view.confirmedOffset(),
                view.lagBytes(), view.lagMillis(), view.inSync(), view.checkedAt());
    }

    NodeReplicationView toView() {
        return new NodeReplicationView(brokerRole, epoch, endOffset, confirmedOffset, lagBytes, lagMillis, inSync,
                checkedAt);
    }
}
