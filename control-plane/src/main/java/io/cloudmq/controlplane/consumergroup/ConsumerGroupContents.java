package io.cloudmq.controlplane.consumergroup;

import io.cloudmq.controlplane.instance.InstanceContents;
import org.springframework.stereotype.Component;

/** Tells the instance feature how many consumer groups an instance holds. */
@Component
class ConsumerGroupContents implements InstanceContents {
    private final ConsumerGroupRepository groups;

    ConsumerGroupContents(ConsumerGroupRepository groups) {
        this.groups = groups;
    }

    @Override
    public String kind() {
        return "consumer groups";
    }

    @Override
    public long countIn(String instanceId) {
        return groups.countByInstanceId(instanceId);
    }
}
