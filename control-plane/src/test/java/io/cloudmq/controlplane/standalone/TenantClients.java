package io.cloudmq.controlplane.standalone;

import io.cloudmq.api.credential.CreatedCredentialView;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * Official 5.5.0 clients of one tenant instance as a tenant configures them: signed with one of the
 * instance's credentials ({@code AclClientRPCHook}), {@code setNamespace(instanceId)}, the cluster's name
 * servers, every other setting at its default. Not started: the caller may change a setting first. Immutable.
 *
 * @param instanceId the instance, which is the namespace
 * @param nameServers the name-server address list ({@code host:port;host:port})
 * @param signing the request signer of a credential of the instance
 */
record TenantClients(String instanceId, String nameServers, RPCHook signing) {

    static TenantClients of(String instanceId, String nameServers, CreatedCredentialView credential) {
        return new TenantClients(instanceId, nameServers, new AclClientRPCHook(
                new SessionCredentials(credential.credential().accessKey(), credential.secretKey())));
    }

    DefaultMQProducer producer(String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group, signing);
        producer.setNamespace(instanceId);
        producer.setNamesrvAddr(nameServers);
        return producer;
    }

    /** A push consumer of {@code group} subscribed to every tag of {@code topic}. */
    DefaultMQPushConsumer consumer(String group, String topic, MessageListenerConcurrently listener)
            throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, signing);
        consumer.setNamespace(instanceId);
        consumer.setNamesrvAddr(nameServers);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener(listener);
        return consumer;
    }
}
