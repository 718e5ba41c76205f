package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.TestCredentials;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/**
 * Official 5.5.0 clients with default settings except the name-server address, the group and the operator
 * credential's signing hook ({@link TestCredentials}: these tests are about the protocol, not tenancy).
 */
final class Clients {
    private Clients() {}

    static DefaultMQProducer producer(BrokerCluster cluster) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"), TestCredentials.operatorHook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.start();
        return producer;
    }

    /** A push consumer, not started, so the test can subscribe and register its listener first. */
    static DefaultMQPushConsumer pushConsumer(BrokerCluster cluster, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, TestCredentials.operatorHook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        return consumer;
    }

    /** A lite pull consumer, not started. */
    static DefaultLitePullConsumer litePullConsumer(BrokerCluster cluster, String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group, TestCredentials.operatorHook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        return consumer;
    }
}
