package io.cloudmq.controlplane.standalone;

import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.credential.CredentialService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.topic.TopicService;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instance standalone mode creates on a fresh cluster (one that hosts no instance yet), so the first start
 * can show a connection that works: instance {@value #NAME} with topic {@value #TOPIC} and consumer group
 * {@value #GROUP} (the names of the README's Java example) and one {@code pub+sub} credential, all in one
 * transaction. Thread-safe (stateless).
 */
@Service
@ConditionalOnExpression(ConnectionNotice.LOCAL_CLUSTER)
class DemoInstance {
    static final String NAME = "demo";
    static final String TOPIC = "orders";
    static final String GROUP = "billing";

    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;
    private final CredentialService credentials;

    DemoInstance(InstanceService instances, TopicService topics, ConsumerGroupService groups,
            CredentialService credentials) {
        this.instances = instances;
        this.topics = topics;
        this.groups = groups;
        this.credentials = credentials;
    }

    /** Creates the demo instance when the cluster hosts no tenant instance; empty when it hosts any. */
    @Transactional
    public Optional<DemoAccess> createIfClusterEmpty(String clusterId) {
        if (instances.hostsTenantInstances(clusterId)) {
            return Optional.empty();
        }
        String instanceId = instances.create(new CreateInstanceRequest(
                NAME, "Created at first start to show how clients connect", clusterId, InstanceTier.SINGLE_NODE,
                null)).id();
        topics.create(instanceId, new CreateTopicRequest(TOPIC, MessageType.NORMAL, null, null, null));
        groups.create(instanceId, new CreateConsumerGroupRequest(GROUP, null, null, null, null));
        CreatedCredentialView credential = credentials.create(
                instanceId, new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null));
        return Optional.of(new DemoAccess(instanceId, credential.credential().accessKey(), credential.secretKey()));
    }
}
