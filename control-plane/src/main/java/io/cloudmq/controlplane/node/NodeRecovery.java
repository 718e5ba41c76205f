package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRecoveryView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a broker's store was recovered when its process started, as the health monitor last read it, stored in
 * the {@code nodes} row (Hibernate reads an all-NULL group of columns as no recovery). Immutable.
 */
@Embeddable
record NodeRecovery(
        @Column(name = "recovery_mode") String mode,
        @Column(name = "recovery_millis") long durationMillis,
        @Column(name = "recovered_offset") long recoveredOffset,
        @Column(name = "recovery_torn_tail_truncated") boolean tornTailTruncated) {

    static NodeRecovery of(NodeRecoveryView view) {
        return new NodeRecovery(view.mode(), view.durationMillis(), view.recoveredOffset(), view.tornTailTruncated());
    }

    NodeRecoveryView toView() {
        return new NodeRecoveryView(mode, durationMillis, recoveredOffset, tornTailTruncated);
    }
}
