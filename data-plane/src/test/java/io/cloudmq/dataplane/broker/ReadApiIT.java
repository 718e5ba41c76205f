package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.read.NodeDelivery;
import io.cloudmq.api.node.read.NodeGroupClients;
import io.cloudmq.api.node.read.NodeGroupOffsets;
import io.cloudmq.api.node.read.NodeMessage;
import io.cloudmq.api.node.read.NodeMessages;
import io.cloudmq.api.node.read.NodeQueueOffset;
import io.cloudmq.api.node.read.NodeQueueStats;
import io.cloudmq.api.node.read.NodeTopicStats;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import io.cloudmq.dataplane.config.NodeJson;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker's admin read endpoints and per-instance metrics after official 5.5.0 clients of one tenant
 * (signed, {@code setNamespace}) produced and consumed: topic stats, connected consumers with their SDK version,
 * committed offsets and lag, decoded messages by offset id and by key with their delivery state, and the
 * metric lines with the {@code instance} label.
 */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int QUEUES = 2;
    /** The 5.5.0 client's MQVersion ordinal (spec §1). */
    private static final int CLIENT_VERSION = 513;

    private final BrokerCluster cluster;
    private final JsonMapper json = NodeJson.mapper();
    private final Tenant tenant = Tenant.create("nsread");
    private DefaultMQProducer producer;

    ReadApiIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void createTenant() throws Exception {
        tenant.register(cluster, "pub+sub", true);
        producer = tenant.producer(cluster);
    }

    @AfterAll
    void stopProducer() {
        producer.shutdown();
    }

    @Test
    void topicStatsAndMetricsCountTheStoredMessagesPerInstance() throws Exception {
        String topic = createTopic("stats");
        for (int i = 0; i < 4; i++) {
            producer.send(new Message(topic, ("s" + i).getBytes(StandardCharsets.UTF_8)));
        }

        NodeTopicStats stats = read("/admin/v1/topics/" + encode(tenant.wireName(topic)) + "/stats", NodeTopicStats.class);

        assertThat(stats.brokerName()).isEqualTo(BrokerCluster.BROKER_NAME);
        assertThat(stats.queues()).extracting(NodeQueueStats::queueId).containsExactly(0, 1);
        assertThat(stats.queues().stream().mapToLong(queue -> queue.maxOffset() - queue.minOffset()).sum()).isEqualTo(4);
        assertThat(stats.queues()).allSatisfy(queue ->
                assertThat(queue.lastStoreTime() != null).isEqualTo(queue.maxOffset() > queue.minOffset()));
        assertThat(cluster.brokerMetrics()).contains(
                "cloudmq_topic_messages_in_total{instance=\"" + tenant.namespace() + "\",topic=\""
                        + tenant.wireName(topic) + "\"} 4.0",
                "cloudmq_broker_sends_total{code=\"0\",instance=\"" + tenant.namespace() + "\"}",
                "cloudmq_instance_send_messages_total{instance=\"" + tenant.namespace() + "\"}",
                "cloudmq_broker_send_bytes_total{instance=\"" + tenant.namespace() + "\"}");
    }

    @Test
    void upgradeReadinessShowsTheConnectedProducerTheTopicsQueueCountsAndTheDisk() throws Exception {
        String topic = createTopic("readiness");
        producer.send(new Message(topic, "r".getBytes(StandardCharsets.UTF_8)));
        String producerId = producer.getDefaultMQProducerImpl().getMqClientFactory().getClientId();

        await().atMost(DEADLINE).until(() -> read("/admin/v1/upgrade-readiness", NodeUpgradeReadiness.class).clients()
                .stream().anyMatch(client -> client.clientId().equals(producerId)));
        NodeUpgradeReadiness readiness = read("/admin/v1/upgrade-readiness", NodeUpgradeReadiness.class);

        assertThat(readiness.brokerName()).isEqualTo(BrokerCluster.BROKER_NAME);
        assertThat(readiness.writeQueues()).containsEntry(tenant.wireName(topic), QUEUES);
        assertThat(readiness.diskUsedRatio()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(readiness.clients()).filteredOn(client -> client.clientId().equals(producerId))
                .allSatisfy(client -> assertThat(client.version()).isEqualTo(CLIENT_VERSION));
    }

    @Test
    void consumedGroupShowsItsClientOffsetsLagAndDeliveryStates() throws Exception {
        String topic = createTopic("consumed");
        String group = BrokerCluster.uniqueName("readers");
        String wireGroup = tenant.wireName(group);
        cluster.createGroup(wireGroup);
        Set<String> received = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = tenant.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(message.getMsgId()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        List<SendResult> consumed = new ArrayList<>();
        try {
            await().atMost(DEADLINE).until(() -> consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl()
                    .getProcessQueueTable().keySet().stream()
                    .filter(queue -> queue.getTopic().equals(tenant.wireName(topic))).count() == QUEUES);
            for (int i = 0; i < 5; i++) {
                consumed.add(producer.send(new Message(topic, ("c" + i).getBytes(StandardCharsets.UTF_8))));
            }
            await().atMost(DEADLINE).until(() -> received.size() == 5);
            await().atMost(DEADLINE).until(() -> totalLag(wireGroup) == 0 && committedSum(wireGroup) == 5);

            NodeGroupClients clients = read("/admin/v1/groups/" + encode(wireGroup) + "/clients", NodeGroupClients.class);
            assertThat(clients.clients()).singleElement().satisfies(client -> {
                assertThat(client.clientId()).isEqualTo(consumer.getDefaultMQPushConsumerImpl().getmQClientFactory()
                        .getClientId());
                assertThat(client.language()).isEqualTo("JAVA");
                assertThat(client.version()).isEqualTo(CLIENT_VERSION);
                assertThat(client.address()).startsWith("127.0.0.1:");
            });
        } finally {
            consumer.shutdown();
        }
        List<SendResult> unconsumed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            unconsumed.add(producer.send(new Message(topic, ("u" + i).getBytes(StandardCharsets.UTF_8))));
        }

        assertThat(totalLag(wireGroup)).isEqualTo(3);
        assertThat(cluster.brokerMetrics()).contains(
                "cloudmq_group_lag{group=\"" + wireGroup + "\",instance=\"" + tenant.namespace() + "\"} 3.0",
                "cloudmq_topic_messages_out_total{group=\"" + wireGroup + "\",instance=\"" + tenant.namespace()
                        + "\",topic=\"" + tenant.wireName(topic) + "\"}",
                "cloudmq_broker_pulls_total{code=\"0\",instance=\"" + tenant.namespace() + "\"}",
                "cloudmq_broker_pull_bytes_total{instance=\"" + tenant.namespace() + "\"}");
        assertThat(deliveryOf(consumed.get(0), wireGroup).committedOffset()).isGreaterThan(consumed.get(0).getQueueOffset());
        assertThat(deliveryOf(unconsumed.get(0), wireGroup).committedOffset())
                .isLessThanOrEqualTo(unconsumed.get(0).getQueueOffset());
    }

    @Test
    void messagesByOffsetIdAndByKeyAreDecoded() throws Exception {
        String topic = createTopic("query");
        Message message = new Message(topic, "tagA", "order-1 order-2", "hello body".getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("color", "blue");
        SendResult sent = producer.send(message);

        NodeMessage byId = messageById(sent.getOffsetMsgId());
        NodeMessages byKey = read("/admin/v1/messages?topic=" + encode(tenant.wireName(topic)) + "&key=order-2",
                NodeMessages.class);
        NodeMessages byUniqueId = read("/admin/v1/messages?topic=" + encode(tenant.wireName(topic)) + "&key="
                + sent.getMsgId(), NodeMessages.class);

        assertThat(byId.topic()).isEqualTo(tenant.wireName(topic));
        assertThat(byId.properties()).containsEntry("TAGS", "tagA").containsEntry("KEYS", "order-1 order-2")
                .containsEntry("color", "blue").containsEntry("UNIQ_KEY", sent.getMsgId());
        assertThat(byId.body()).isEqualTo("hello body");
        assertThat(byId.bodySize()).isEqualTo(10);
        assertThat(byId.queueId()).isEqualTo(sent.getMessageQueue().getQueueId());
        assertThat(byId.queueOffset()).isEqualTo(sent.getQueueOffset());
        assertThat(byId.bornTime()).isBeforeOrEqualTo(byId.storeTime());
        assertThat(byKey.messages()).singleElement().isEqualTo(byId);
        assertThat(byUniqueId.messages()).singleElement().isEqualTo(byId);
    }

    @Test
    void unknownNamesAre404AndMalformedQueries400() throws Exception {
        assertThat(status("/admin/v1/topics/" + encode(tenant.wireName("nothing")) + "/stats")).isEqualTo(404);
        assertThat(status("/admin/v1/groups/" + encode(tenant.wireName("nobody")) + "/clients")).isEqualTo(404);
        assertThat(status("/admin/v1/groups/" + encode(tenant.wireName("nobody")) + "/offsets")).isEqualTo(404);
        assertThat(status("/admin/v1/messages/not-an-id")).isEqualTo(400);
        assertThat(status("/admin/v1/messages/" + "7F000001000027100000000FFFFFFFFF")).isEqualTo(404);
        assertThat(status("/admin/v1/messages?topic=" + encode(tenant.wireName("x")))).isEqualTo(400);
        assertThat(status("/admin/v1/messages?topic=" + encode(tenant.wireName("nothing")) + "&key=k")).isEqualTo(404);
    }

    private String createTopic(String prefix) throws Exception {
        String topic = BrokerCluster.uniqueName(prefix);
        cluster.createTopic(tenant.wireName(topic), QUEUES);
        return topic;
    }

    private long totalLag(String wireGroup) throws Exception {
        return offsets(wireGroup).stream().mapToLong(NodeQueueOffset::lag).sum();
    }

    private long committedSum(String wireGroup) throws Exception {
        return offsets(wireGroup).stream().mapToLong(queue -> Math.max(0, queue.consumerOffset())).sum();
    }

    private List<NodeQueueOffset> offsets(String wireGroup) throws Exception {
        return read("/admin/v1/groups/" + encode(wireGroup) + "/offsets", NodeGroupOffsets.class).queues().stream()
                .filter(queue -> !queue.topic().startsWith("%RETRY%"))
                .toList();
    }

    private NodeMessage messageById(String offsetMessageId) throws Exception {
        return read("/admin/v1/messages/" + offsetMessageId, NodeMessages.class).messages().get(0);
    }

    private NodeDelivery deliveryOf(SendResult sent, String wireGroup) throws Exception {
        return messageById(sent.getOffsetMsgId()).deliveries().stream()
                .filter(delivery -> delivery.group().equals(wireGroup)).findFirst().orElseThrow();
    }

    private <T> T read(String path, Class<T> type) throws Exception {
        HttpResponse<String> response = cluster.brokerAdminGet(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), type);
    }

    private int status(String path) throws Exception {
        return cluster.brokerAdminGet(path).statusCode();
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
