package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One tenant's two kinds of namespaced clients share a topic: clients with {@link ClientConfig#setNamespace}
 * prefix every name themselves, clients with {@link ClientConfig#setNamespaceV2} send bare names plus the ext
 * fields {@code ns}/{@code nsd} (the 5.5.0 client's {@code NamespaceRpcHook}, registered before the signing
 * hook, so both fields are signed) and the broker and name server apply the namespace. Both sign with the
 * tenant's credential ({@code AclClientRPCHook}); besides {@code setNamespaceV2} the clients keep their
 * default settings. The {@code namespaceV2} consumer is orderly, so its queue locks ({@code LOCK_BATCH_MQ},
 * whose answer names topics) go through the server-side namespace too.
 */
@ExtendWith(SharedCluster.class)
class NamespaceV2InteropIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int QUEUES = 2;

    private final BrokerCluster cluster;

    NamespaceV2InteropIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void namespaceV2AndSetNamespaceClientsReceiveEachOthersMessages() throws Exception {
        Tenant tenant = Tenant.create("nsv2").register(cluster, "pub+sub", true);
        cluster.createTopic(tenant.wireName("orders"), QUEUES);
        cluster.createGroup(tenant.wireName("v1-readers"));
        cluster.createGroup(tenant.wireName("v2-readers"));
        Set<String> readByV1 = ConcurrentHashMap.newKeySet();
        Set<String> readByV2 = ConcurrentHashMap.newKeySet();
        DefaultMQPushConsumer v1Consumer = consumer(tenant, "v1-readers");
        v1Consumer.setNamespace(tenant.namespace());
        v1Consumer.subscribe("orders", "*");
        v1Consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> readByV1.add(body(message)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQPushConsumer v2Consumer = consumer(tenant, "v2-readers");
        v2Consumer.setNamespaceV2(tenant.namespace());
        v2Consumer.subscribe("orders", "*");
        v2Consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
            messages.forEach(message -> readByV2.add(body(message)));
            return ConsumeOrderlyStatus.SUCCESS;
        });
        DefaultMQProducer v1Producer = producer(tenant);
        v1Producer.setNamespace(tenant.namespace());
        DefaultMQProducer v2Producer = producer(tenant);
        v2Producer.setNamespaceV2(tenant.namespace());
        try {
            v1Consumer.start();
            v2Consumer.start();
            v1Producer.start();
            v2Producer.start();
            await().atMost(DEADLINE).until(() -> ownsEveryQueue(v1Consumer, false) && ownsEveryQueue(v2Consumer, true));

            assertThat(v1Producer.send(message("from setNamespace")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(v2Producer.send(message("from namespaceV2")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            Set<String> both = Set.of("from setNamespace", "from namespaceV2");
            await().atMost(DEADLINE).until(() -> readByV1.containsAll(both) && readByV2.containsAll(both));
        } finally {
            v1Producer.shutdown();
            v2Producer.shutdown();
            v1Consumer.shutdown();
            v2Consumer.shutdown();
        }
    }

    /** A push consumer of {@code group} signing with the tenant's credential, not started. */
    private DefaultMQPushConsumer consumer(Tenant tenant, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, tenant.hook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        return consumer;
    }

    /** A producer signing with the tenant's credential, not started. */
    private DefaultMQProducer producer(Tenant tenant) {
        DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"), tenant.hook());
        producer.setNamesrvAddr(cluster.nameServerAddress());
        return producer;
    }

    /** Whether the consumer's rebalance took every queue of the topic (and, if orderly, locked each). */
    private static boolean ownsEveryQueue(DefaultMQPushConsumer consumer, boolean locked) {
        var queues = consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable();
        long owned = queues.entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().endsWith("orders"))
                .map(java.util.Map.Entry::getValue)
                .filter(queue -> !locked || queue.isLocked())
                .count();
        return owned == QUEUES;
    }

    private static Message message(String body) {
        return new Message("orders", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }
}
