package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
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
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions across a broker SIGKILL: messages committed before the kill stay stored once, and halves still
 * unresolved at the kill are checked after the restart, committed by the producer's answer and stored once.
 * Stored copies are counted by a fresh group reading the whole topic. Starts its own cluster because it kills
 * a node.
 */
class TransactionRestartIT {
    private static final Duration CHECK_DEADLINE = Duration.ofSeconds(150);
    private static final int EACH = 5;

    @TempDir
    Path dir;

    @Test
    void committedAndPendingTransactionsAcrossABrokerKillAreEachStoredOnce() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir)) {
            String topic = BrokerCluster.uniqueName("transaction-restart-topic");
            cluster.createTopic(topic, 2, "TRANSACTION");
            TransactionMQProducer producer = producer(cluster);
            Set<String> keys = new HashSet<>();
            try {
                for (int i = 0; i < EACH; i++) {
                    keys.add(send(producer, topic, "committed-" + i, LocalTransactionState.COMMIT_MESSAGE));
                    keys.add(send(producer, topic, "pending-" + i, LocalTransactionState.UNKNOW));
                }

                cluster.restartBroker(true);

                String readerGroup = BrokerCluster.uniqueName("transaction-reader");
                cluster.createGroup(readerGroup);
                Map<String, AtomicInteger> stored = new ConcurrentHashMap<>();
                DefaultMQPushConsumer reader = read(cluster, topic, readerGroup, stored);
                try {
                    await().atMost(CHECK_DEADLINE).until(() -> stored.keySet().containsAll(keys));
                    assertThat(stored).containsOnlyKeys(keys);
                    assertThat(stored.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
                } finally {
                    reader.shutdown();
                }
            } finally {
                producer.shutdown();
            }
        }
    }

    /** A producer whose local transactions end as the send says and whose checks answer COMMIT. */
    private static TransactionMQProducer producer(BrokerCluster cluster) throws Exception {
        TransactionMQProducer producer = new TransactionMQProducer(
                BrokerCluster.uniqueName("transaction-restart-producer"), TestCredentials.operatorHook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                return (LocalTransactionState) argument;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        return producer;
    }

    private static String send(TransactionMQProducer producer, String topic, String key, LocalTransactionState outcome)
            throws Exception {
        producer.sendMessageInTransaction(new Message(topic, "tagA", key, key.getBytes(StandardCharsets.UTF_8)), outcome);
        return key;
    }

    private static DefaultMQPushConsumer read(BrokerCluster cluster, String topic, String group,
            Map<String, AtomicInteger> counts) throws Exception {
        DefaultMQPushConsumer consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> counts.computeIfAbsent(message.getKeys(), key -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
