package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transactional messages with the official {@link TransactionMQProducer}: the half message is invisible,
 * a committed one is consumed exactly once, a rolled-back one never, and an unknown one is resolved by the
 * broker's check (default interval) with the producer's answer.
 */
@ExtendWith(SharedCluster.class)
class TransactionIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The broker's default check interval (30 s) plus its timeout (6 s), with room for a loaded machine. */
    private static final Duration CHECK_DEADLINE = Duration.ofSeconds(100);

    private final BrokerCluster cluster;
    private TransactionMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private String topic;
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    TransactionIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicProducerAndConsumer() throws Exception {
        topic = BrokerCluster.uniqueName("transaction-topic");
        String group = BrokerCluster.uniqueName("transaction-group");
        cluster.createTopic(topic, 1, "TRANSACTION");
        cluster.createGroup(group);
        producer = new TransactionMQProducer(
                BrokerCluster.uniqueName("transaction-producer"), TestCredentials.operatorHook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return (LocalTransactionState) argument;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(message.getKeys());
                return message.getKeys().startsWith("commit-on-check")
                        ? LocalTransactionState.COMMIT_MESSAGE
                        : LocalTransactionState.ROLLBACK_MESSAGE;
            }
        });
        producer.start();
        consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> received.computeIfAbsent(message.getKeys(), key -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    @AfterEach
    void stopClients() {
        consumer.shutdown();
        producer.shutdown();
    }

    private TransactionSendResult send(String key, LocalTransactionState outcome) throws Exception {
        return producer.sendMessageInTransaction(
                new Message(topic, "tagA", key, key.getBytes(StandardCharsets.UTF_8)), outcome);
    }

    @Test
    void aCommittedMessageIsConsumedOnceAndARolledBackOneNever() throws Exception {
        TransactionSendResult rolledBack = send("rolled-back", LocalTransactionState.ROLLBACK_MESSAGE);
        TransactionSendResult committed = send("committed", LocalTransactionState.COMMIT_MESSAGE);

        assertThat(rolledBack.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(committed.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        await().atMost(DEADLINE).until(() -> received.containsKey("committed"));
        TransactionSendResult later = send("committed-later", LocalTransactionState.COMMIT_MESSAGE);
        await().atMost(DEADLINE).until(() -> received.containsKey("committed-later"));

        assertThat(later.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(received).containsOnlyKeys("committed", "committed-later");
        assertThat(received.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    }

    @Test
    void anUnknownTransactionIsCheckedAndCommittedByTheProducersAnswer() throws Exception {
        TransactionSendResult unknown = send("commit-on-check", LocalTransactionState.UNKNOW);

        assertThat(unknown.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
        await().atMost(CHECK_DEADLINE).until(() -> received.containsKey("commit-on-check"));
        assertThat(checked).contains("commit-on-check");
        assertThat(received.get("commit-on-check").get()).isEqualTo(1);
    }
}
