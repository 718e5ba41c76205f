package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.TestCredentials;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * One tenant of tenancy ITs: its namespace and one credential, and official clients that sign with it and
 * name things the {@code setNamespace} way. Immutable.
 *
 * @param namespace the instance namespace
 * @param accessKey the credential's AccessKey
 * @param secretKey the credential's SecretKey
 */
record Tenant(String namespace, String accessKey, String secretKey) {

    /** A tenant with a fresh namespace and credential; nothing is pushed yet. */
    static Tenant create(String prefix) {
        String namespace = BrokerCluster.uniqueName(prefix);
        return new Tenant(namespace, namespace + "-ak", namespace + "-secret-key-0123456789");
    }

    /** Pushes this tenant's credential with {@code role} ({@code pub}, {@code sub}, {@code pub+sub}). */
    Tenant register(BrokerCluster cluster, String role, boolean enabled) throws Exception {
        cluster.putCredential(TestCredentials.tenant(accessKey, secretKey, namespace, role, enabled));
        return this;
    }

    String wireName(String name) {
        return namespace + "%" + name;
    }

    RPCHook hook() {
        return TestCredentials.hook(accessKey, secretKey);
    }

    /**
     * A started producer signing with this credential, without a namespace of its own: topics are given as
     * wire names, and its group is one inside the namespace (the broker checks the producer group too).
     */
    DefaultMQProducer rawProducer(BrokerCluster cluster) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(wireName(BrokerCluster.uniqueName("producer")), hook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.start();
        return producer;
    }

    /** A started producer signing with this credential and prefixing names with {@code setNamespace}. */
    DefaultMQProducer producer(BrokerCluster cluster) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"), hook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.setNamespace(namespace);
        producer.start();
        return producer;
    }

    /** A push consumer of {@code group} signing with this credential and using {@code setNamespace}, not started. */
    DefaultMQPushConsumer pushConsumer(BrokerCluster cluster, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, hook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        consumer.setNamespace(namespace);
        return consumer;
    }

    /** A lite pull consumer of {@code group} with {@code setNamespace}, not started. */
    DefaultLitePullConsumer litePullConsumer(BrokerCluster cluster, String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group, hook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        consumer.setNamespace(namespace);
        return consumer;
    }
}
