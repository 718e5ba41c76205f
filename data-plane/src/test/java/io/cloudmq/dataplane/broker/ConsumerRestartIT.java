package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Committed offsets survive a graceful consumer restart: the new instance continues exactly where the old stopped. */
@ExtendWith(SharedCluster.class)
class ConsumerRestartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final BrokerCluster cluster;

    ConsumerRestartIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aGracefullyRestartedConsumerReceivesNoDuplicates() throws Exception {
        String topic = BrokerCluster.uniqueName("restart-topic");
        String group = BrokerCluster.uniqueName("restart-group");
        cluster.createTopic(topic, 4);
        cluster.createGroup(group);
        DefaultMQProducer producer = Clients.producer(cluster);
        try {
            Set<String> firstReceived = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer first = start(topic, group, firstReceived);
            Set<String> firstSent = send(producer, topic, 50);
            await().atMost(DEADLINE).until(() -> firstReceived.containsAll(firstSent));
            first.shutdown();

            Set<String> secondSent = send(producer, topic, 50);
            Set<String> secondReceived = ConcurrentHashMap.newKeySet();
            DefaultMQPushConsumer second = start(topic, group, secondReceived);
            try {
                await().atMost(DEADLINE).until(() -> secondReceived.containsAll(secondSent));
                assertThat(secondReceived).as("no message of the first run is delivered again").isEqualTo(secondSent);
            } finally {
                second.shutdown();
            }
        } finally {
            producer.shutdown();
        }
    }

    private DefaultMQPushConsumer start(String topic, String group, Set<String> received) throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(message.getMsgId()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    static Set<String> send(DefaultMQProducer producer, String topic, int count) throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(producer.send(new Message(topic, new byte[] {(byte) i})).getMsgId());
        }
        return ids;
    }
}
