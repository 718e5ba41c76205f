package io.cloudmq.dataplane.broker;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;

/** Official 5.5.0 clients with default settings except the name-server address and the group. */
final class Clients {
    private Clients() {}

    static DefaultMQProducer producer(BrokerCluster cluster) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"));
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.start();
        return producer;
    }

    /** A push consumer, not started, so the test can subscribe and register its listener first. */
    static DefaultMQPushConsumer pushConsumer(BrokerCluster cluster, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        return consumer;
    }

    /** A lite pull consumer, not started. */
    static DefaultLitePullConsumer litePullConsumer(BrokerCluster cluster, String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        return consumer;
    }
}
