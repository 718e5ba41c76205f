package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.topic.TopicView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a cluster's nodes serve, read in one database snapshot, labelled with the generation of the
 * latest change that snapshot contains. Immutable.
 *
 * @param clusterId the cluster
 * @param generation the cluster's desired-state generation in the snapshot
 * @param instances the instances on the cluster (their quotas)
 * @param topics the topics of those instances
 * @param groups the consumer groups of those instances
 * @param credentials the credentials of those instances, secrets sealed for the cluster's nodes
 * @param operator the cluster's operator credential, sealed; null while the cluster has none
 */
record ClusterSnapshot(
        String clusterId,
        long generation,
        List<InstanceView> instances,
        List<TopicView> topics,
        List<ConsumerGroupView> groups,
        List<DesiredCredential> credentials,
        @Nullable DesiredOperatorCredential operator) {

    ClusterSnapshot {
        instances = List.copyOf(instances);
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        credentials = List.copyOf(credentials);
    }
}
