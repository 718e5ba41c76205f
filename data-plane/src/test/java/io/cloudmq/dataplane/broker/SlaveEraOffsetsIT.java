package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.broker.FailoverGroup.Member;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offsets committed to a slave while its master is stopped (issue 7, reads from slaves) survive the master's
 * return: the slave keeps its later commit instead of adopting the master's older one, the master learns it,
 * and a new consumer of the group (official 5.5.0 client, default settings) starts there, with no redelivery.
 * The commits are the official client's {@code UPDATE_CONSUMER_OFFSET} requests, sent where a consumer sends
 * them: to the master, and to the slave while the master is away. About 30 s on a quiet machine.
 */
class SlaveEraOffsetsIT {
    private static final int MESSAGES = 10;
    private static final long MASTER_ERA_OFFSET = 3;
    private static final long SLAVE_ERA_OFFSET = 8;
    private static final long TIMEOUT_MILLIS = 3000;

    @TempDir
    Path dir;

    @Test
    void theMasterTakesTheSlaveEraCommitWhenItReturnsAndANewConsumerStartsThere() throws Exception {
        String topic = BrokerCluster.uniqueName("slave-era");
        String group = BrokerCluster.uniqueName("slave-era-group");
        try (FailoverGroup brokers = FailoverGroup.start(dir, topic, 1, group)) {
            Member master = brokers.member(0);
            Member slave = brokers.member(1);
            brokers.awaitInSync(master);
            DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"),
                    TestCredentials.operatorHook());
            producer.setNamesrvAddr(brokers.nameServerAddress());
            producer.start();
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    Message message = new Message(topic, ("m" + i).getBytes());
                    // on a loaded machine a send may time out (and still be stored): send until acknowledged
                    await("message " + i + " acknowledged").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                            .until(() -> producer.send(message).getSendStatus() == SendStatus.SEND_OK);
                }
                long end = producer.maxOffset(new MessageQueue(topic, BrokerCluster.BROKER_NAME, 0));
                MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
                commit(api, master, group, topic, MASTER_ERA_OFFSET);
                await("the slave copies the master's commit").atMost(FailoverGroup.DEADLINE)
                        .until(() -> committed(api, slave, group, topic) == MASTER_ERA_OFFSET);

                brokers.stop(master);
                commit(api, slave, group, topic, SLAVE_ERA_OFFSET);
                brokers.startMaster(master, 0);

                await("the master takes the slave-era commit").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                        .until(() -> committed(api, master, group, topic) == SLAVE_ERA_OFFSET);
                assertThat(committed(api, slave, group, topic)).as("the slave kept its commit")
                        .isEqualTo(SLAVE_ERA_OFFSET);
                assertThat(consumedOffsets(brokers, topic, group, end)).as("queue offsets a new consumer receives")
                        .allMatch(offset -> offset >= SLAVE_ERA_OFFSET).contains(SLAVE_ERA_OFFSET);
            } finally {
                producer.shutdown();
            }
        }
    }

    /** The queue offsets a new push consumer of {@code group} receives until it has the last one before {@code end}. */
    private static Set<Long> consumedOffsets(FailoverGroup brokers, String topic, String group, long end)
            throws Exception {
        Set<Long> offsets = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, TestCredentials.operatorHook());
        consumer.setNamesrvAddr(brokers.nameServerAddress());
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently)
                (messages, context) -> {
                    messages.forEach(message -> offsets.add(message.getQueueOffset()));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
        consumer.start();
        try {
            await("the new consumer receives the last message").atMost(FailoverGroup.DEADLINE)
                    .until(() -> offsets.contains(end - 1));
            return Set.copyOf(offsets);
        } finally {
            consumer.shutdown();
        }
    }

    private static void commit(MQClientAPIImpl api, Member broker, String group, String topic, long offset)
            throws Exception {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(0);
        header.setCommitOffset(offset);
        api.updateConsumerOffset(broker.address(), header, TIMEOUT_MILLIS);
    }

    /** The offset {@code broker} answers for queue 0, -1 if none. */
    private static long committed(MQClientAPIImpl api, Member broker, String group, String topic) throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(0);
        header.setSetZeroIfNotFound(false);
        try {
            return api.queryConsumerOffset(broker.address(), header, TIMEOUT_MILLIS);
        } catch (MQBrokerException e) {
            return -1;
        }
    }
}
