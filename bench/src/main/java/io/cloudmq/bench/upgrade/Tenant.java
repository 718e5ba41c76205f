package io.cloudmq.bench.upgrade;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import java.time.Duration;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * The benchmark's tenant: one instance with one topic, one consumer group and a publish-and-subscribe
 * credential, created over the management API; and official clients configured as a tenant configures them
 * (signed with the credential, the instance id as namespace, the cluster's name servers, every other setting at
 * its default). Immutable.
 *
 * @param instanceId the instance, which is the clients' namespace
 * @param topic the topic the load sends to
 * @param group the consumer group of the push consumers
 * @param nameServers the name-server address list ({@code host:port;host:port})
 * @param signing the request signer of the instance's credential
 */
record Tenant(String instanceId, String topic, String group, String nameServers, RPCHook signing) {
    private static final Duration APPLIED_DEADLINE = Duration.ofSeconds(60);

    /**
     * Creates the instance, topic, group and credential on {@code cluster} and waits until the reconciler pushed
     * them to every node (the tenant's outbox rows are {@code DONE}).
     */
    static Tenant create(ManagementClient client, String cluster, int portBase, String topic, String group)
            throws InterruptedException {
        String instanceId = client.createInstance(
                new CreateInstanceRequest("upgrade-bench", null, cluster, InstanceTier.SINGLE_NODE, null), null).id();
        client.createTopic(instanceId, new CreateTopicRequest(topic, MessageType.NORMAL, null, null, null), null);
        client.createConsumerGroup(instanceId, new CreateConsumerGroupRequest(group, null, null, null, null), null);
        CreatedCredentialView credential = client.createCredential(instanceId,
                new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null), null);
        Waiting.until("the tenant's outbox rows DONE", APPLIED_DEADLINE, Duration.ofMillis(200), () ->
                client.listOutbox(cluster, null, null, 100).items().stream()
                        .filter(row -> row.change().startsWith(instanceId + ":"))
                        .allMatch(row -> row.state() == OutboxState.DONE));
        return new Tenant(instanceId, topic, group, "127.0.0.1:" + portBase + ";127.0.0.1:" + (portBase + 1),
                new AclClientRPCHook(new SessionCredentials(credential.credential().accessKey(),
                        credential.secretKey())));
    }

    /** A producer of {@code producerGroup}, not started. */
    DefaultMQProducer producer(String producerGroup) {
        return tenantOf(new DefaultMQProducer(producerGroup, signing));
    }

    /** A push consumer of the group, not subscribed, not started. */
    DefaultMQPushConsumer consumer() {
        return tenantOf(new DefaultMQPushConsumer(group, signing));
    }

    private <C extends ClientConfig> C tenantOf(C client) {
        client.setNamespace(instanceId);
        client.setNamesrvAddr(nameServers);
        return client;
    }
}
