package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Official push consumers against the shared cluster: clustering, broadcasting, orderly, tag filters. */
@ExtendWith(SharedCluster.class)
class PushConsumerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int QUEUES = 4;

    private final BrokerCluster cluster;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private DefaultMQProducer producer;
    private String topic;
    private String group;

    PushConsumerIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicGroupAndProducer() throws Exception {
        topic = BrokerCluster.uniqueName("push-topic");
        group = BrokerCluster.uniqueName("push-group");
        cluster.createTopic(topic, QUEUES);
        cluster.createGroup(group);
        producer = Clients.producer(cluster);
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    @Test
    void clusteringConsumersShareTheQueuesAndReceiveEachMessageOnce() throws Exception {
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            startConcurrent("*", MessageModel.CLUSTERING,
                    message -> deliveries.computeIfAbsent(message.getMsgId(), id -> new AtomicInteger()).incrementAndGet());
        }
        awaitEveryQueueOwnedByExactlyOne();

        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            sent.add(producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8))).getMsgId());
        }

        await().atMost(DEADLINE).until(() -> deliveries.keySet().containsAll(sent));
        assertThat(deliveries).containsOnlyKeys(sent);
        assertThat(deliveries.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    /**
     * Each consumer gets its own {@code instanceName}: two instances of one group in one JVM need distinct
     * client ids, which the client derives by itself only in clustering mode.
     */
    @Test
    void broadcastingConsumersEachReceiveEveryMessage() throws Exception {
        List<Set<String>> received = List.of(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        for (Set<String> ids : received) {
            startConcurrent("*", MessageModel.BROADCASTING, message -> ids.add(message.getMsgId()));
        }
        await().atMost(DEADLINE).until(() -> consumers.stream().allMatch(consumer -> ownedQueues(consumer).size() == QUEUES));

        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            sent.add(producer.send(new Message(topic, ("b" + i).getBytes(StandardCharsets.UTF_8))).getMsgId());
        }

        await().atMost(DEADLINE).until(() -> received.stream().allMatch(ids -> ids.containsAll(sent)));
        assertThat(received).allSatisfy(ids -> assertThat(ids).isEqualTo(sent));
    }

    @Test
    void tagSubscriptionsReceiveOnlyTheirTags() throws Exception {
        Set<String> tags = ConcurrentHashMap.newKeySet();
        AtomicInteger count = new AtomicInteger();
        startConcurrent("TagA || TagB", MessageModel.CLUSTERING, message -> {
            tags.add(message.getTags());
            count.incrementAndGet();
        });
        awaitEveryQueueOwnedByExactlyOne();

        for (int i = 0; i < 30; i++) {
            producer.send(new Message(topic, "Tag" + (char) ('A' + i % 3), new byte[] {(byte) i}));
        }

        await().atMost(DEADLINE).until(() -> count.get() >= 20);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> count.get() == 20);
        assertThat(tags).containsExactlyInAnyOrder("TagA", "TagB");
    }

    @Test
    void orderlyConsumersSeeEachKeysMessagesInSendOrderAcrossARestart() throws Exception {
        Map<String, List<Integer>> firstDeliveries = new ConcurrentHashMap<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer first = startOrderly(seen, firstDeliveries);
        awaitEveryQueueOwnedByExactlyOne();
        sendKeyed(0, 30);
        await().atMost(DEADLINE).until(() -> seen.size() == 30);
        first.shutdown();
        consumers.remove(first);

        sendKeyed(30, 60);
        startOrderly(seen, firstDeliveries);

        await().atMost(DEADLINE).until(() -> seen.size() == 60);
        assertThat(firstDeliveries).hasSize(5).allSatisfy((key, sequence) -> assertThat(sequence).isSorted().hasSize(12));
    }

    private DefaultMQPushConsumer startOrderly(Set<String> seen, Map<String, List<Integer>> firstDeliveries)
            throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            for (MessageExt message : messages) {
                if (seen.add(message.getMsgId())) {
                    firstDeliveries.computeIfAbsent(message.getKeys(), key -> new CopyOnWriteArrayList<>())
                            .add(Integer.parseInt(new String(message.getBody(), StandardCharsets.UTF_8)));
                }
            }
            return ConsumeOrderlyStatus.SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return consumer;
    }

    /** Sends messages {@code from..to-1} with keys {@code key-(i % 5)}, each key always to the same queue. */
    private void sendKeyed(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Message message = new Message(topic, null, "key-" + i % 5, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            producer.send(message, (queues, sent, key) -> queues.get(Math.floorMod(key.hashCode(), queues.size())),
                    message.getKeys());
        }
    }

    private void startConcurrent(String expression, MessageModel model, Consumer<MessageExt> sink)
            throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.setMessageModel(model);
        if (model == MessageModel.BROADCASTING) {
            consumer.setInstanceName(BrokerCluster.uniqueName("broadcast"));
        }
        consumer.subscribe(topic, expression);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(sink);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
    }

    /** Waits until the broker lists every consumer and each queue of the topic is owned by exactly one of them. */
    private void awaitEveryQueueOwnedByExactlyOne() {
        await().atMost(DEADLINE).until(() -> {
            List<String> ids = consumers.get(0).getDefaultMQPushConsumerImpl().getmQClientFactory().getMQClientAPIImpl()
                    .getConsumerIdListByGroup(cluster.brokerAddress(), group, 3000);
            List<MessageQueue> owned = new ArrayList<>();
            consumers.forEach(consumer -> owned.addAll(ownedQueues(consumer)));
            return ids.size() == consumers.size() && owned.size() == QUEUES && new HashSet<>(owned).size() == QUEUES;
        });
    }

    private Set<MessageQueue> ownedQueues(DefaultMQPushConsumer consumer) {
        Set<MessageQueue> owned = new HashSet<>(
                consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet());
        owned.removeIf(queue -> !queue.getTopic().equals(topic));
        return owned;
    }
}
