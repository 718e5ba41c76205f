package io.cloudmq.controlplane.insight;

import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.topic.TopicService;
import org.springframework.stereotype.Component;

/** Checks that an instance and its topic or group exist (404 otherwise) and answers the instance's cluster. */
@Component
class InstanceNames {
    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;

    InstanceNames(InstanceService instances, TopicService topics, ConsumerGroupService groups) {
        this.instances = instances;
        this.topics = topics;
        this.groups = groups;
    }

    /** The instance's cluster; 404 for an unknown instance. */
    String clusterOf(String instanceId) {
        InstanceView instance = instances.get(instanceId);
        return instance.cluster();
    }

    /** The instance's cluster; 404 for an unknown instance or topic. */
    String clusterOfTopic(String instanceId, String topic) {
        String cluster = clusterOf(instanceId);
        if (!topics.exists(instanceId, topic)) {
            throw ResourceNotFoundException.of("topic", topic);
        }
        return cluster;
    }

    /** The instance's cluster; 404 for an unknown instance or consumer group. */
    String clusterOfGroup(String instanceId, String group) {
        String cluster = clusterOf(instanceId);
        if (!groups.exists(instanceId, group)) {
            throw ResourceNotFoundException.of("consumer group", group);
        }
        return cluster;
    }
}
