package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backtracking with {@code INVOKE_BROKER_TO_RESET_OFFSET} (222) sent through the official client's own API
 * implementation and through {@code rocketmq-tools} 5.5.0 {@code DefaultMQAdminExt.resetOffsetByTimestamp} (what
 * {@code mqadmin resetOffsetByTime} uses: the topic's route from the name server, then 222 to each broker group's
 * master): the broker answers the object-keyed offset table the client parses, and the group's consumers receive
 * again from the reset point, whether they were online during the reset or not; one idle in a long poll is
 * answered at once.
 */
@ExtendWith(SharedCluster.class)
class ResetOffsetIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /**
     * How soon a consumer idle in a long poll must receive again after a reset: well under the 15 s the 5.5.0 push
     * consumer asks the broker to hold a pull (its default {@code brokerSuspendMaxTimeMillis}), so only a broker
     * that answers the held pull at once meets it; a broker that waits for the hold to end needs 15 s at least.
     */
    private static final Duration WITHIN_SUSPEND_TIME = Duration.ofSeconds(10);
    private static final Pattern HELD_PULLS = Pattern.compile("(?m)^cloudmq_broker_pulls_held (\\S+)$");
    private static final long TIMEOUT_MILLIS = 3000;
    private static final int QUEUES = 2;
    private static final int BATCH = 5;

    private final BrokerCluster cluster;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private DefaultMQProducer producer;
    private MQClientAPIImpl api;
    private String topic;
    private String group;

    ResetOffsetIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicGroupAndProducer() throws Exception {
        topic = BrokerCluster.uniqueName("reset-topic");
        group = BrokerCluster.uniqueName("reset-group");
        cluster.createTopic(topic, QUEUES);
        cluster.createGroup(group);
        producer = Clients.producer(cluster);
        api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    @AfterEach
    void stopClients() {
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        producer.shutdown();
    }

    @Test
    void anOnlineConsumerReceivesAgainEverythingStoredSinceTheResetTime() throws Exception {
        long resetPoint = consumeEarlyThenLate();

        Map<MessageQueue, Long> table = api.invokeBrokerToResetOffset(cluster.brokerAddress(), topic, group, resetPoint,
                true, TIMEOUT_MILLIS);

        assertThat(table.keySet()).extracting(MessageQueue::getTopic, MessageQueue::getBrokerName)
                .containsOnly(Tuple.tuple(topic, BrokerCluster.BROKER_NAME));
        assertThat(table).hasSize(QUEUES);
        assertThat(table.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(BATCH);
        await().atMost(DEADLINE).until(() -> received.size() == 3 * BATCH);
        assertThat(received.subList(2 * BATCH, 3 * BATCH)).allMatch(body -> body.startsWith("late"));
    }

    @Test
    void aConsumerIdleInALongPollReceivesAgainWithinItsSuspendTime() throws Exception {
        startConsumer();
        send("held");
        await().atMost(DEADLINE).until(() -> received.size() == BATCH);
        await().atMost(DEADLINE).until(() -> heldPulls() >= QUEUES);

        api.invokeBrokerToResetOffset(cluster.brokerAddress(), topic, group, 0, true, TIMEOUT_MILLIS);

        await().atMost(WITHIN_SUSPEND_TIME).until(() -> received.size() == 2 * BATCH);
        assertThat(received.subList(BATCH, 2 * BATCH)).allMatch(body -> body.startsWith("held"));
    }

    @Test
    void theAdminToolsResetByTimestampMovesTheOffsetsAndTheGroupReceivesFromThere() throws Exception {
        long resetPoint = consumeEarlyThenLate();
        DefaultMQAdminExt admin = new DefaultMQAdminExt(TestCredentials.operatorHook());
        admin.setNamesrvAddr(cluster.nameServerAddress());
        admin.start();
        Map<MessageQueue, Long> table;
        try {
            table = admin.resetOffsetByTimestamp(topic, group, resetPoint, true);
        } finally {
            admin.shutdown();
        }

        assertThat(table).hasSize(QUEUES);
        assertThat(table.values().stream().mapToLong(Long::longValue).sum()).as("offsets after the early messages")
                .isEqualTo(BATCH);
        await().atMost(WITHIN_SUSPEND_TIME).until(() -> received.size() == 3 * BATCH);
        assertThat(received.subList(2 * BATCH, 3 * BATCH)).allMatch(body -> body.startsWith("late"));
    }

    @Test
    void aResetWithNoConsumerOnlineIsWhereTheGroupContinuesWhenItComesBack() throws Exception {
        DefaultMQPushConsumer first = startConsumer();
        send("before");
        await().atMost(DEADLINE).until(() -> received.size() == BATCH);
        first.shutdown();
        consumers.remove(first);

        Map<MessageQueue, Long> table = api.invokeBrokerToResetOffset(cluster.brokerAddress(), topic, group, 0, true,
                TIMEOUT_MILLIS);

        assertThat(table.values()).containsOnly(0L);
        startConsumer();
        await().atMost(DEADLINE).until(() -> received.size() == 2 * BATCH);
        assertThat(received.subList(BATCH, 2 * BATCH)).allMatch(body -> body.startsWith("before"));
    }

    @Test
    void aResetOfAnUnknownGroupIsRefusedWithItsCode() {
        assertThatThrownBy(() -> api.invokeBrokerToResetOffset(cluster.brokerAddress(), topic,
                BrokerCluster.uniqueName("no-such-group"), 0, true, TIMEOUT_MILLIS))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(26));
    }

    private DefaultMQPushConsumer startConsumer() throws MQClientException {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        consumers.add(consumer);
        return consumer;
    }

    /** Starts a consumer that receives a batch sent before and one sent after the answered time (the reset point). */
    private long consumeEarlyThenLate() throws Exception {
        startConsumer();
        send("early");
        long resetPoint = System.currentTimeMillis() + 1;
        await().until(() -> System.currentTimeMillis() > resetPoint);
        send("late");
        await().atMost(DEADLINE).until(() -> received.size() == 2 * BATCH);
        return resetPoint;
    }

    /** Pulls the broker holds now (all groups; this class's earlier consumers are shut down). */
    private double heldPulls() throws Exception {
        Matcher held = HELD_PULLS.matcher(cluster.brokerMetrics());
        return held.find() ? Double.parseDouble(held.group(1)) : 0;
    }

    private void send(String prefix) throws Exception {
        for (int i = 0; i < BATCH; i++) {
            producer.send(new Message(topic, (prefix + "-" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
