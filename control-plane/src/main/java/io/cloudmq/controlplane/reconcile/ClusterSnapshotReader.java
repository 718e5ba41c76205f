package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.credential.CredentialService;
import io.cloudmq.controlplane.credential.OperatorCredentialService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.node.NodeToken;
import io.cloudmq.controlplane.topic.TopicService;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a {@link ClusterSnapshot} through the owning features' services in one {@code REPEATABLE READ}
 * transaction, so the generation and the topics, groups, quotas and credentials belong to the same committed
 * state. Secrets are sealed for the nodes ({@link CredentialSealer}) before they leave this class.
 * Thread-safe.
 */
@Component
class ClusterSnapshotReader {
    private final GenerationCounter generations;
    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;
    private final CredentialService credentials;
    private final OperatorCredentialService operators;
    private final CredentialSealer sealer;

    ClusterSnapshotReader(GenerationCounter generations, InstanceService instances, TopicService topics,
            ConsumerGroupService groups, CredentialService credentials, OperatorCredentialService operators,
            NodeToken nodeToken) {
        this.credentials = credentials;
        this.operators = operators;
        this.sealer = new CredentialSealer(nodeToken);
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
        List<DesiredCredential> sealed = ids.stream()
                .flatMap(id -> credentials.credentialsOf(id).stream().map(credential -> sealer.seal(id, credential)))
                .sorted(Comparator.comparing(DesiredCredential::accessKey))
                .toList();
        return new ClusterSnapshot(clusterId, generation, onCluster, topics.listOfInstances(ids),
                groups.listOfInstances(ids), sealed, operators.findSecret(clusterId).map(sealer::seal).orElse(null));
    }
}
