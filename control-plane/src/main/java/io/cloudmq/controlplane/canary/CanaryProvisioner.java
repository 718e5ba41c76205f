package io.cloudmq.controlplane.canary;

import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.credential.CredentialService;
import io.cloudmq.controlplane.credential.InstanceCredential;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.topic.TopicService;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates what a cluster's canary needs, once, through the usual services (so the reconciler pushes it to
 * the nodes like any instance): the reserved system instance, topic {@value #TOPIC} on every broker group,
 * consumer group {@value #CONSUMER_GROUP} and a {@code pub+sub} credential created by the system. Refused
 * like any instance change while an upgrade window locks the cluster (the canary then retries later).
 * Thread-safe (stateless; one transaction per call).
 */
@Service
public class CanaryProvisioner {
    static final String INSTANCE_NAME = "canary";
    static final String TOPIC = "cloudmq-canary";
    static final String CONSUMER_GROUP = "cloudmq-canary";
    static final String PRODUCER_GROUP = "cloudmq-canary-producer";

    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;
    private final CredentialService credentials;

    CanaryProvisioner(InstanceService instances, TopicService topics, ConsumerGroupService groups,
            CredentialService credentials) {
        this.instances = instances;
        this.topics = topics;
        this.groups = groups;
        this.credentials = credentials;
    }

    /** Creates whatever of the canary's resources is missing and answers how its clients connect. */
    @Transactional
    public CanaryAccess provision(String clusterId) {
        String instanceId = instances.findSystem(clusterId)
                .orElseGet(() -> instances.createSystem(clusterId, INSTANCE_NAME)).id();
        if (!topics.exists(instanceId, TOPIC)) {
            topics.create(instanceId, new CreateTopicRequest(TOPIC, MessageType.NORMAL, null, null, "canary"));
        }
        if (!groups.exists(instanceId, CONSUMER_GROUP)) {
            groups.create(instanceId, new CreateConsumerGroupRequest(CONSUMER_GROUP, null, null, null, "canary"));
        }
        return credentials.credentialsOf(instanceId).stream()
                .filter(credential -> credential.enabled() && credential.role() == CredentialRole.PUB_SUB)
                .findFirst()
                .map(credential -> access(instanceId, credential))
                .orElseGet(() -> {
                    CreatedCredentialView created = credentials.create(
                            instanceId, new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null));
                    return new CanaryAccess(instanceId, created.credential().accessKey(), created.secretKey());
                });
    }

    /** The cluster's canary instance, if provisioned. */
    @Transactional(readOnly = true)
    public Optional<String> instanceOf(String clusterId) {
        return instances.findSystem(clusterId).map(InstanceView::id);
    }

    private static CanaryAccess access(String instanceId, InstanceCredential credential) {
        return new CanaryAccess(instanceId, credential.accessKey(), credential.secretKey());
    }
}
