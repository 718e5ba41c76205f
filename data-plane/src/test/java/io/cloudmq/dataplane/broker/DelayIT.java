package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Producer-set delay levels and the client's own re-send to the retry topic (its fallback when
 * {@code CONSUMER_SEND_MSG_BACK} fails), with official 5.5.0 clients.
 */
@ExtendWith(SharedCluster.class)
class DelayIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final long[] LEVEL_DELAYS_MS = {1_000, 5_000, 10_000};

    private final BrokerCluster cluster;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private String topic;
    private String group;

    DelayIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicGroupAndProducer() throws Exception {
        topic = BrokerCluster.uniqueName("delay-topic");
        group = BrokerCluster.uniqueName("delay-group");
        cluster.createTopic(topic, 2, "DELAY");
        cluster.createGroup(group, 2);
        producer = Clients.producer(cluster);
    }

    @AfterEach
    void stopClients() {
        if (consumer != null) {
            consumer.shutdown();
        }
        producer.shutdown();
    }

    private Map<String, MessageExt> consume(String subscribedTopic, Map<String, Long> receivedAt) throws Exception {
        Map<String, MessageExt> received = new ConcurrentHashMap<>();
        consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(subscribedTopic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> {
                receivedAt.putIfAbsent(message.getKeys(), System.currentTimeMillis());
                received.putIfAbsent(message.getKeys(), message);
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return received;
    }

    @Test
    void delayedMessagesArriveNotBeforeTheirLevelsDelay() throws Exception {
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        Map<String, MessageExt> received = consume(topic, receivedAt);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int level = 1; level <= LEVEL_DELAYS_MS.length; level++) {
            Message message = new Message(topic, "tagA", "level-" + level,
                    ("delayed " + level).getBytes(StandardCharsets.UTF_8));
            message.setDelayTimeLevel(level);
            sentAt.put("level-" + level, System.currentTimeMillis());
            producer.send(message);
        }

        await().atMost(DEADLINE).until(() -> received.keySet().containsAll(sentAt.keySet()));
        for (int level = 1; level <= LEVEL_DELAYS_MS.length; level++) {
            String key = "level-" + level;
            long waited = receivedAt.get(key) - sentAt.get(key);
            System.out.printf("delay level %d: received %d ms after the send (lateness %d ms)%n", level, waited,
                    waited - LEVEL_DELAYS_MS[level - 1]);
            assertThat(waited).isGreaterThanOrEqualTo(LEVEL_DELAYS_MS[level - 1]);
            MessageExt message = received.get(key);
            assertThat(message.getProperties()).doesNotContainKey("DELAY").containsEntry("REAL_TOPIC", topic);
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("delayed " + level);
        }
    }

    @Test
    void theClientsOwnResendToTheRetryTopicPastTheMaximumGoesToTheDeadLetterTopic() throws Exception {
        Map<String, MessageExt> dead = consume("%DLQ%" + group, new ConcurrentHashMap<>());
        Message resend = new Message("%RETRY%" + group, "tagA", "fallback-1", "failed".getBytes(StandardCharsets.UTF_8));
        MessageAccessor.setReconsumeTime(resend, "3");
        MessageAccessor.setMaxReconsumeTimes(resend, "16");
        MessageAccessor.putProperty(resend, "RETRY_TOPIC", topic);
        resend.setDelayTimeLevel(5);

        producer.send(resend);

        await().atMost(DEADLINE).until(() -> dead.containsKey("fallback-1"));
        MessageExt letter = dead.get("fallback-1");
        assertThat(letter.getReconsumeTimes()).isEqualTo(3);
        assertThat(letter.getProperties()).doesNotContainKey("DELAY");
        assertThat(new String(letter.getBody(), StandardCharsets.UTF_8)).isEqualTo("failed");
    }
}
