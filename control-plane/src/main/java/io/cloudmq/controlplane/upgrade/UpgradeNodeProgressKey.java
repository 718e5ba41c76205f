package io.cloudmq.controlplane.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** Primary key of {@code upgrade_node_progress}: the window and the node. */
@Embeddable
record UpgradeNodeProgressKey(@Column(name = "window_id") UUID windowId, @Column(name = "node_id") String nodeId)
        implements Serializable {}
