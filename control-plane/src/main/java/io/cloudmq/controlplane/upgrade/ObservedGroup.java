package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.ObservedProducerGroup;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code upgrade_window_producer_groups}: a producer group registered with a window. Not thread-safe. */
@Embeddable
class ObservedGroup {
    @Column(name = "instance_id")
    private String instanceId = "";

    @Column(name = "producer_group")
    private String producerGroup = "";

    protected ObservedGroup() {}

    ObservedGroup(ObservedProducerGroup group) {
        this.instanceId = group.instanceId();
        this.producerGroup = group.producerGroup();
    }

    ObservedProducerGroup toView() {
        return new ObservedProducerGroup(instanceId, producerGroup);
    }
}
