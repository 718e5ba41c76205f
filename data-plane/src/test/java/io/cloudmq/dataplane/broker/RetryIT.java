package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retries and dead letters with the official push consumer: a failed message comes back through the delay
 * levels (10 s, then 30 s: levels 3 + reconsumeTimes) with an incremented reconsume count, and after the
 * group's configured maximum (2 here) it lands in {@code %DLQ%<group>}, where a pull consumer reads it with
 * its original body and keys. Only lower bounds of timing are asserted.
 */
@ExtendWith(SharedCluster.class)
class RetryIT {
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final int MAX_RETRIES = 2;
    private static final long[] RETRY_DELAYS_MS = {10_000, 30_000};

    private final BrokerCluster cluster;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private DefaultMQProducer producer;
    private String topic;
    private String group;

    RetryIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    /** One delivery seen by a listener. */
    private record Delivery(long receivedAt, int reconsumeTimes, String topic, String keys, String body) {}

    @BeforeEach
    void createTopicGroupAndProducer() throws Exception {
        topic = BrokerCluster.uniqueName("retry-topic");
        group = BrokerCluster.uniqueName("retry-group");
        cluster.createTopic(topic, 2);
        cluster.createGroup(group, MAX_RETRIES);
        producer = Clients.producer(cluster);
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    @Test
    void aMessageFailingEveryTimeIsRetriedWithGrowingDelaysThenLandsInTheDeadLetterTopic() throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> deliveries.add(delivery(message)));
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.start();
        consumers.add(consumer);

        Message message = new Message(topic, "tagA", "order-17", "always fails".getBytes(StandardCharsets.UTF_8));
        SendResult sent = producer.send(message);

        await().atMost(DEADLINE).until(() -> deliveries.size() >= MAX_RETRIES + 1);
        assertThat(deliveries).extracting(Delivery::reconsumeTimes).startsWith(0, 1, 2);
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.topic()).isEqualTo(topic);
            assertThat(delivery.keys()).isEqualTo("order-17");
            assertThat(delivery.body()).isEqualTo("always fails");
        });
        for (int retry = 1; retry <= MAX_RETRIES; retry++) {
            long waited = deliveries.get(retry).receivedAt() - deliveries.get(retry - 1).receivedAt();
            System.out.printf("retry %d arrived %d ms after the previous delivery (level delay %d ms)%n", retry, waited,
                    RETRY_DELAYS_MS[retry - 1]);
            assertThat(waited).isGreaterThanOrEqualTo(RETRY_DELAYS_MS[retry - 1]);
        }

        List<MessageExt> dead = readDeadLetters(1);
        assertThat(dead).hasSize(1);
        MessageExt letter = dead.get(0);
        assertThat(new String(letter.getBody(), StandardCharsets.UTF_8)).isEqualTo("always fails");
        assertThat(letter.getKeys()).isEqualTo("order-17");
        assertThat(letter.getTags()).isEqualTo("tagA");
        assertThat(letter.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(letter.getReconsumeTimes()).isEqualTo(MAX_RETRIES + 1);
        assertThat(letter.getProperty("RETRY_TOPIC")).isEqualTo(topic);
        assertThat(deliveries).hasSize(MAX_RETRIES + 1);
    }

    private static Delivery delivery(MessageExt message) {
        return new Delivery(System.currentTimeMillis(), message.getReconsumeTimes(), message.getTopic(),
                message.getKeys(), new String(message.getBody(), StandardCharsets.UTF_8));
    }

    /** Reads {@code count} messages of the group's dead-letter topic with a lite pull consumer of another group. */
    private List<MessageExt> readDeadLetters(int count) throws Exception {
        String reader = BrokerCluster.uniqueName("dlq-reader");
        cluster.createGroup(reader);
        DefaultLitePullConsumer consumer = Clients.litePullConsumer(cluster, reader);
        consumer.subscribe("%DLQ%" + group, "*");
        consumer.start();
        try {
            List<MessageExt> read = new ArrayList<>();
            await().atMost(DEADLINE).until(() -> {
                read.addAll(consumer.poll(1_000));
                return read.size() >= count;
            });
            return read;
        } finally {
            consumer.shutdown();
        }
    }
}
