package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The topic admin codes standard tooling sends ({@code UPDATE_AND_CREATE_TOPIC} 17, {@code DELETE_TOPIC_IN_BROKER}
 * 215), sent through the official client's own API implementation (what {@code mqadmin} uses underneath).
 */
@ExtendWith(SharedCluster.class)
class TopicAdminIT {
    private static final long TIMEOUT_MILLIS = 3000;

    private final BrokerCluster cluster;

    TopicAdminIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aTopicCreatedByToolingIsRoutedAndServedUntilDeleted() throws Exception {
        String topic = BrokerCluster.uniqueName("tool-topic");
        DefaultMQProducer producer = Clients.producer(cluster);
        try {
            MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();

            api.createTopic(cluster.brokerAddress(), "TBW102", new TopicConfig(topic, 2, 2, 6), TIMEOUT_MILLIS);

            cluster.awaitRoute(topic);
            assertThat(producer.fetchPublishMessageQueues(topic)).hasSize(2);
            assertThat(producer.send(new Message(topic, new byte[] {1})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            api.deleteTopicInBroker(cluster.brokerAddress(), topic, TIMEOUT_MILLIS);

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try {
                    return producer.fetchPublishMessageQueues(topic).isEmpty();
                } catch (Exception e) {
                    return true;
                }
            });
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void metricsCountSendsByCodeBytesLatencyAndConnections() throws Exception {
        String topic = BrokerCluster.uniqueName("metrics-topic");
        cluster.createTopic(topic, 1);
        DefaultMQProducer producer = Clients.producer(cluster);
        try {
            producer.send(new Message(topic, new byte[] {1}));

            assertThat(cluster.brokerMetrics()).contains("cloudmq_broker_sends_total{code=\"0\"", "cloudmq_broker_connections",
                    "cloudmq_broker_send_bytes_total", "cloudmq_broker_store_put_seconds_count");
        } finally {
            producer.shutdown();
        }
    }
}
