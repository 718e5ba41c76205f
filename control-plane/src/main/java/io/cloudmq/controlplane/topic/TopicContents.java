package io.cloudmq.controlplane.topic;

import io.cloudmq.controlplane.instance.InstanceContents;
import org.springframework.stereotype.Component;

/** Tells the instance feature how many topics an instance holds. */
@Component
class TopicContents implements InstanceContents {
    private final TopicRepository topics;

    TopicContents(TopicRepository topics) {
        this.topics = topics;
    }

    @Override
    public String kind() {
        return "topics";
    }

    @Override
    public long countIn(String instanceId) {
        return topics.countByInstanceId(instanceId);
    }
}
