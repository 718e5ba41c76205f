package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master and a slave ({@code broker-a}, ids 0 and 1) as node processes, with the official client: the
 * slave replicates the commit log byte for byte and the consumer offsets, serves reads when the master is
 * gone and refuses sends; a SYNC_MASTER answers {@code SLAVE_NOT_AVAILABLE} without a slave in sync, an
 * ASYNC_MASTER does not care. Each test starts its own cluster (it adds, stops or kills nodes).
 *
 * <p>What the client observes without a slave in sync (spec §3.6, §3.8): {@code send} returns normally with
 * a {@code SendResult} of status {@code SLAVE_NOT_AVAILABLE} (msgId, queue and offset filled in; no exception
 * and, with the default {@code retryAnotherBrokerWhenNotStoreOK=false}, no retry); the message is stored on
 * the master.
 */
class SlaveIT {
    private static final long TIMEOUT_MILLIS = 3000;
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int QUEUES = 2;
    private static final int MESSAGES = 40;
    private static final int COMPARED_BYTES = 1024 * 1024;
    private static final Pattern SLAVE_CAUGHT_UP =
            Pattern.compile("(?m)^cloudmq_replication_slave_lag_bytes(\\{[^}]*})? 0\\.0$");

    @TempDir
    Path dir;

    @Test
    void aSyncMastersAcknowledgedSendsAreByteIdenticalOnTheSlaveWhichServesThemAfterTheMasterIsKilled() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"), "SYNC_MASTER")) {
            String topic = BrokerCluster.uniqueName("replicated");
            String readBefore = BrokerCluster.uniqueName("read-before");
            String readAfter = BrokerCluster.uniqueName("read-after");
            cluster.createTopic(topic, QUEUES);
            cluster.createGroup(readBefore);
            cluster.createGroup(readAfter);
            String slave = cluster.startSlave();
            awaitSlaveConnected(cluster);
            DefaultMQProducer producer = Clients.producer(cluster);
            List<String> acknowledged = new ArrayList<>();
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    SendResult result = producer.send(new Message(topic, "TagA", ("replicated-" + i).getBytes()));
                    assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    acknowledged.add(result.getMsgId());
                }
                MQClientAPIImpl api = api(producer);
                for (int queue = 0; queue < QUEUES; queue++) {
                    long masterMax = maxOffset(api, cluster.brokerAddress(), topic, queue);
                    int q = queue;
                    await().atMost(DEADLINE).until(() -> maxOffset(api, slave, topic, q) == masterMax);
                }
                await("the slave reports a lag of 0 bytes").atMost(DEADLINE)
                        .until(() -> SLAVE_CAUGHT_UP.matcher(cluster.slaveMetrics(0)).find());
                assertThat(commitLogPrefix(cluster.slaveDataDir(0))).as("the slave's commit log")
                        .isEqualTo(commitLogPrefix(cluster.brokerDataDir()))
                        .isNotEqualTo(new byte[COMPARED_BYTES]);

                assertThat(consume(cluster, topic, readBefore)).containsExactlyInAnyOrderElementsOf(acknowledged);
                for (int queue = 0; queue < QUEUES; queue++) {
                    long masterMax = maxOffset(api, cluster.brokerAddress(), topic, queue);
                    int q = queue;
                    await("the slave has the master's committed offset").atMost(DEADLINE)
                            .until(() -> committedOffset(api, slave, readBefore, topic, q) == masterMax);
                }

                cluster.killBroker();
                await().atMost(DEADLINE).until(() -> !brokerAddresses(api, topic).containsKey(MixAll.MASTER_ID));
                assertThat(brokerAddresses(api, topic)).containsValue(slave);
                assertThat(consume(cluster, topic, readAfter)).as("read from the slave alone")
                        .containsExactlyInAnyOrderElementsOf(acknowledged);
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void aSyncMasterWithItsSlaveStoppedAnswersSlaveNotAvailableWhichTheClientReturnsAsTheSendStatus() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"), "SYNC_MASTER")) {
            String topic = BrokerCluster.uniqueName("sync-no-slave");
            cluster.createTopic(topic, 1);
            cluster.startSlave();
            awaitSlaveConnected(cluster);
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                assertThat(producer.send(new Message(topic, new byte[] {1})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                cluster.stopSlave(0);
                await().atMost(DEADLINE).until(() -> !cluster.brokerMetrics().contains("slave=\"broker-a-1\""));

                SendResult result = producer.send(new Message(topic, new byte[] {2}));

                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);
                assertThat(result.getMsgId()).as("the client still reports the stored message").isNotBlank();
                assertThat(maxOffset(api(producer), cluster.brokerAddress(), topic, 0))
                        .as("stored on the master").isEqualTo(2);
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void anAsyncMastersSendsSucceedWithItsSlaveStoppedAndTheSlaveRefusesSends() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"), "ASYNC_MASTER")) {
            String topic = BrokerCluster.uniqueName("async");
            cluster.createTopic(topic, 1);
            String slave = cluster.startSlave();
            awaitSlaveConnected(cluster);
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                assertThat(producer.send(new Message(topic, new byte[] {1})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                MQClientAPIImpl api = api(producer);
                await().atMost(DEADLINE).until(() -> maxOffset(api, slave, topic, 0) == 1);
                assertThatThrownBy(() -> sendDirectly(producer, slave, topic))
                        .isInstanceOfSatisfying(MQBrokerException.class,
                                e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.NO_PERMISSION));
                cluster.stopSlave(0);

                assertThat(producer.send(new Message(topic, new byte[] {2})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
        }
    }

    /** Waits until the master's metrics show the slave's lag gauges (it is past its handshake). */
    private static void awaitSlaveConnected(BrokerCluster cluster) {
        await().atMost(DEADLINE).until(() -> cluster.brokerMetrics().contains("slave=\"broker-a-1\""));
    }

    /**
     * Consumes {@code topic} as a new push consumer of {@code group} until it has every message and its
     * in-memory offsets cover them (so shutting down commits them all).
     */
    private static Set<String> consume(BrokerCluster cluster, String topic, String group) throws Exception {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> ids.add(message.getMsgId()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await().atMost(DEADLINE).until(() -> ids.size() >= MESSAGES);
            await().atMost(DEADLINE).until(() -> consumedOffsets(consumer, topic) == MESSAGES);
            return Set.copyOf(ids);
        } finally {
            consumer.shutdown();
        }
    }

    private static long consumedOffsets(DefaultMQPushConsumer consumer, String topic) {
        long sum = 0;
        for (int queue = 0; queue < QUEUES; queue++) {
            sum += Math.max(0, consumer.getDefaultMQPushConsumerImpl().getOffsetStore().readOffset(
                    new MessageQueue(topic, BrokerCluster.BROKER_NAME, queue), ReadOffsetType.READ_FROM_MEMORY));
        }
        return sum;
    }

    private static byte[] commitLogPrefix(Path dataDir) throws Exception {
        try (FileChannel file = FileChannel.open(dataDir.resolve("store/commitlog/00000000000000000000"))) {
            ByteBuffer bytes = ByteBuffer.allocate(COMPARED_BYTES);
            while (bytes.hasRemaining() && file.read(bytes) >= 0) {
                // read until the buffer is full or the file ends
            }
            return bytes.array();
        }
    }

    private static MQClientAPIImpl api(DefaultMQProducer producer) {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    private static Map<Long, String> brokerAddresses(MQClientAPIImpl api, String topic) throws Exception {
        List<BrokerData> brokers = api.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS).getBrokerDatas();
        return brokers.get(0).getBrokerAddrs();
    }

    private static long maxOffset(MQClientAPIImpl api, String address, String topic, int queue) throws Exception {
        return api.getMaxOffset(address, new MessageQueue(topic, BrokerCluster.BROKER_NAME, queue), TIMEOUT_MILLIS);
    }

    private static long committedOffset(MQClientAPIImpl api, String address, String group, String topic, int queue)
            throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(queue);
        header.setSetZeroIfNotFound(false);
        try {
            return api.queryConsumerOffset(address, header, TIMEOUT_MILLIS);
        } catch (MQBrokerException e) {
            return -1;
        }
    }

    private static void sendDirectly(DefaultMQProducer producer, String address, String topic) throws Exception {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup("slave-it");
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        api(producer).sendMessage(address, BrokerCluster.BROKER_NAME, new Message(topic, new byte[] {3}), header,
                TIMEOUT_MILLIS, CommunicationMode.SYNC, null, producer.getDefaultMQProducerImpl());
    }
}
