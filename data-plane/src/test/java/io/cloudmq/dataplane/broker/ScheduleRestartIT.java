package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delayed messages pending at three levels across a SIGKILL of the broker: every one is delivered after the
 * restart. The stored copies in the real topic are counted by unique id by a fresh group reading the topic
 * from its start: each is stored exactly once (the schedule skips copies its last un-persisted pass already
 * stored); the count is printed.
 * Starts its own cluster because it kills a node.
 */
class ScheduleRestartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final int PER_LEVEL = 20;

    @TempDir
    Path dir;

    @Test
    void messagesPendingAtThreeLevelsAcrossABrokerKillAreAllDelivered() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir)) {
            String topic = BrokerCluster.uniqueName("schedule-restart-topic");
            cluster.createTopic(topic, 2, "DELAY");
            Set<String> sent = new HashSet<>();
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                for (int level = 1; level <= 3; level++) {
                    for (int i = 0; i < PER_LEVEL; i++) {
                        Message message = new Message(topic, ("l" + level + "-" + i).getBytes(StandardCharsets.UTF_8));
                        message.setDelayTimeLevel(level);
                        sent.add(producer.send(message).getMsgId());
                    }
                }
            } finally {
                producer.shutdown();
            }
            String firstGroup = BrokerCluster.uniqueName("schedule-before-kill");
            cluster.createGroup(firstGroup);
            Map<String, AtomicInteger> beforeKill = new ConcurrentHashMap<>();
            DefaultMQPushConsumer first = consume(cluster, topic, firstGroup, beforeKill);
            try {
                await().atMost(DEADLINE).until(() -> !beforeKill.isEmpty());
            } finally {
                first.shutdown();
            }

            cluster.restartBroker(true);

            String readerGroup = BrokerCluster.uniqueName("schedule-after-kill");
            cluster.createGroup(readerGroup);
            Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
            DefaultMQPushConsumer reader = consume(cluster, topic, readerGroup, stored);
            try {
                await().atMost(DEADLINE).until(() -> stored.keySet().containsAll(sent));
                long duplicates = stored.values().stream().mapToInt(count -> count.get() - 1).sum();
                System.out.printf("schedule across a broker kill: %d messages delivered before the kill, %d of %d"
                        + " stored twice in the real topic%n", beforeKill.size(), duplicates, sent.size());
                assertThat(stored).containsOnlyKeys(sent);
                assertThat(duplicates).isZero();
            } finally {
                reader.shutdown();
            }
        }
    }

    private static DefaultMQPushConsumer consume(BrokerCluster cluster, String topic, String group,
            Map<String, AtomicInteger> counts) throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> counts.computeIfAbsent(message.getMsgId(), id -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
