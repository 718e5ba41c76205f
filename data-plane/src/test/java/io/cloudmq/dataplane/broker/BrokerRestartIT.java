package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.config.NodeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Committed offsets survive a broker kill up to the last persist: what was consumed before the broker last
 * wrote its offset file is never delivered again; what was consumed after it may be (counted and printed). A
 * stopped broker's new process answers a group's consumer list only once every member it knew has heartbeated it
 * again (closing their connections at the stop does not make it forget them), so no member rebalances on a
 * partial list (which hands it the others' queues: duplicates). Each test starts its own cluster because it
 * stops a node.
 */
class BrokerRestartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** A new topic of 4 queues and a group on {@code cluster}, and what the group's consumers received. */
    private record Consumption(String topic, String group, Set<String> received, Set<String> redelivered) {
        static Consumption of(BrokerCluster cluster, String prefix) throws Exception {
            Consumption consumption = new Consumption(BrokerCluster.uniqueName(prefix + "-topic"),
                    BrokerCluster.uniqueName(prefix + "-group"), ConcurrentHashMap.newKeySet(),
                    ConcurrentHashMap.newKeySet());
            cluster.createTopic(consumption.topic(), 4);
            cluster.createGroup(consumption.group());
            return consumption;
        }
    }

    @TempDir
    Path dir;

    @Test
    void aKilledBrokerRedeliversAtMostWhatWasConsumedAfterItsLastOffsetPersist() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir)) {
            Consumption consumption = Consumption.of(cluster, "broker-restart");
            String topic = consumption.topic();
            String group = consumption.group();
            Set<String> received = consumption.received();
            Set<String> redelivered = consumption.redelivered();
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                DefaultMQPushConsumer first = consumer(cluster, consumption);
                Set<String> persisted = ConsumerRestartIT.send(producer, topic, 100);
                await().atMost(DEADLINE).until(() -> received.containsAll(persisted));
                await().atMost(DEADLINE).until(() -> persistedOffsetSum(cluster, topic, group) == 100);
                Set<String> recent = ConsumerRestartIT.send(producer, topic, 100);
                await().atMost(DEADLINE).until(() -> received.containsAll(recent));
                first.shutdown();

                cluster.restartBroker(true);
                DefaultMQPushConsumer second = consumer(cluster, consumption);
                try {
                    Set<String> later = ConsumerRestartIT.send(producer, topic, 20);
                    await().atMost(DEADLINE).until(() -> received.containsAll(later));

                    System.out.printf("broker kill: %d of %d messages consumed after the last offset persist were"
                            + " delivered again%n", redelivered.size(), recent.size());
                    assertThat(redelivered).doesNotContainAnyElementsOf(persisted);
                    assertThat(recent).containsAll(redelivered);
                } finally {
                    second.shutdown();
                }
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void aStoppedBrokersNewProcessAnswersTheConsumerListOnlyWhenEveryMemberItKnewIsBack() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir)) {
            Consumption consumption = Consumption.of(cluster, "members");
            String topic = consumption.topic();
            Set<String> received = consumption.received();
            DefaultMQProducer producer = Clients.producer(cluster);
            DefaultMQPushConsumer first = consumer(cluster, consumption);
            DefaultMQPushConsumer second = consumer(cluster, consumption);
            DefaultMQPushConsumer third = null;
            try {
                Set<String> sent = ConsumerRestartIT.send(producer, topic, 20);
                await().atMost(DEADLINE).until(() -> received.containsAll(sent)
                        && membersSeenBy(first, consumption).size() == 2);

                cluster.restartBroker(false);
                third = consumer(cluster, consumption);
                DefaultMQPushConsumer joined = third;
                List<String> firstAnswer = await("the new process's first consumer list").atMost(DEADLINE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> membersSeenBy(joined, consumption), ids -> !ids.isEmpty());

                assertThat(firstAnswer).containsExactlyInAnyOrder(
                        first.buildMQClientId(), second.buildMQClientId(), third.buildMQClientId());
                Set<String> later = ConsumerRestartIT.send(producer, topic, 20);
                await().atMost(DEADLINE).until(() -> received.containsAll(later));
            } finally {
                if (third != null) {
                    third.shutdown();
                }
                second.shutdown();
                first.shutdown();
                producer.shutdown();
            }
        }
    }

    /** The group's members as the broker answers {@code consumer}'s client (empty while it refuses to answer). */
    private static List<String> membersSeenBy(DefaultMQPushConsumer consumer, Consumption consumption) {
        List<String> ids = consumer.getDefaultMQPushConsumerImpl().getmQClientFactory()
                .findConsumerIdList(consumption.topic(), consumption.group());
        return ids == null ? List.of() : ids;
    }

    private static DefaultMQPushConsumer consumer(BrokerCluster cluster, Consumption consumption) throws Exception {
        Set<String> received = consumption.received();
        Set<String> redelivered = consumption.redelivered();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, consumption.group());
        consumer.subscribe(consumption.topic(), "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> {
                if (!received.add(message.getMsgId())) {
                    redelivered.add(message.getMsgId());
                }
            });
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    /** Sum of the group's offsets in the broker's offset file (what a restart would start from). */
    private static long persistedOffsetSum(BrokerCluster cluster, String topic, String group) throws Exception {
        Path file = cluster.brokerDataDir().resolve("consumer-offsets.json");
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode queues = NodeJson.mapper().readTree(Files.readAllBytes(file)).path("offsets").path(topic + "@" + group);
        long sum = 0;
        for (Map.Entry<String, JsonNode> queue : queues.properties()) {
            sum += queue.getValue().path("offset").asLong();
        }
        return sum;
    }
}
