package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.topic.TopicService;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a {@link ClusterSnapshot} through the owning features' services in one {@code REPEATABLE READ}
 * transaction, so the generation and the topics, groups and quotas belong to the same committed state.
 * Thread-safe.
 */
@Component
class ClusterSnapshotReader {
    private final GenerationCounter generations;
    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;

    ClusterSnapshotReader(GenerationCounter generations, InstanceService instances, TopicService topics,
            ConsumerGroupService groups) {
        this.generations = generations;
        this.instances = instances;
        this.topics = topics;
        this.groups = groups;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ClusterSnapshot read(String clusterId) {
        long generation = generations.current(clusterId);
        List<InstanceView> onCluster = instances.listOnCluster(clusterId);
        List<String> ids = onCluster.stream().map(InstanceView::id).toList();
        return new ClusterSnapshot(clusterId, generation, onCluster, topics.listOfInstances(ids),
                groups.listOfInstances(ids));
    }
}
