package io.cloudmq.controlplane.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

/** Primary key of {@code upgrade_producer_group_failures}: window, broker and producer group. Immutable. */
@Embeddable
record FailureTallyKey(
        @Column(name = "window_id") UUID windowId,
        @Column(name = "node_id") String nodeId,
        @Column(name = "instance_id") String instanceId,
        @Column(name = "producer_group") String producerGroup) implements Serializable {}
