package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.cloudmq.dataplane.broker.NoPermission.assertNoPermission;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two tenants on one broker, official 5.5.0 clients signing with {@code AclClientRPCHook}. */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {
    private final BrokerCluster cluster;
    private final Tenant tenantA = Tenant.create("nsa");
    private final Tenant tenantB = Tenant.create("nsb");

    TenantIsolationIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void createTenants() throws Exception {
        tenantA.register(cluster, "pub+sub", true);
        tenantB.register(cluster, "pub+sub", true);
        cluster.createTopic(tenantA.wireName("orders"), 2);
        cluster.createTopic(tenantB.wireName("orders"), 2);
        cluster.createGroup(tenantA.wireName("shipping"));
    }

    @Test
    void tenantSendsAndConsumesWithItsOwnCredential() throws Exception {
        DefaultMQProducer producer = tenantA.producer(cluster);
        DefaultLitePullConsumer consumer = tenantA.litePullConsumer(cluster, "shipping");
        try {
            assertThat(producer.send(message("orders", "hello")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            consumer.subscribe("orders", "*");
            consumer.start();
            List<MessageExt> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                received.addAll(consumer.poll(500));
                return received.stream().anyMatch(m -> new String(m.getBody(), StandardCharsets.UTF_8).equals("hello"));
            });
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void otherTenantsCredentialCannotSendToTheTenantsTopic() throws Exception {
        DefaultMQProducer producer = tenantB.rawProducer(cluster);
        try {
            assertThat(producer.send(message(tenantB.wireName("orders"), "own")).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
            MessageQueue queueOfA = new MessageQueue(tenantA.wireName("orders"), BrokerCluster.BROKER_NAME, 0);

            assertNoPermission(() -> producer.send(message(tenantA.wireName("orders"), "x"), queueOfA));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void otherTenantCannotViewTheTenantsMessageByOffsetThroughItsOwnTopic() throws Exception {
        DefaultMQProducer producerA = tenantA.rawProducer(cluster);
        DefaultMQProducer producerB = tenantB.rawProducer(cluster);
        try {
            String idOfA = producerA.send(message(tenantA.wireName("orders"), "private")).getOffsetMsgId();
            long offset = MessageDecoder.decodeMessageId(idOfA).getOffset();
            MQClientAPIImpl apiA = producerA.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
            MQClientAPIImpl apiB = producerB.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();

            assertThat(apiA.viewMessage(cluster.brokerAddress(), tenantA.wireName("orders"), offset, 3000).getBody())
                    .asString(StandardCharsets.UTF_8).isEqualTo("private");
            assertNoPermission(() -> apiB.viewMessage(cluster.brokerAddress(), tenantB.wireName("orders"), offset, 3000));
        } finally {
            producerA.shutdown();
            producerB.shutdown();
        }
    }

    @Test
    void otherTenantsRouteQueryNeverShowsTheTenantsTopic() throws Exception {
        DefaultMQProducer producer = tenantB.rawProducer(cluster);
        try {
            assertThatThrownBy(() -> producer.fetchPublishMessageQueues(tenantA.wireName("orders")));
            assertThat(producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl()
                    .getTopicListFromNameServer(3000).getTopicList())
                    .contains(tenantB.wireName("orders"))
                    .noneMatch(topic -> topic.contains(tenantA.namespace()));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void subscribeOnlyCredentialCannotSend() throws Exception {
        Tenant reader = new Tenant(tenantA.namespace(), tenantA.accessKey() + "-sub", tenantA.secretKey())
                .register(cluster, "sub", true);
        DefaultMQProducer producer = reader.producer(cluster);
        try {
            assertNoPermission(() -> producer.send(message("orders", "x")));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void disabledCredentialStopsWorkingAfterOnePush() throws Exception {
        Tenant temporary = new Tenant(tenantA.namespace(), tenantA.accessKey() + "-tmp", tenantA.secretKey())
                .register(cluster, "pub", true);
        DefaultMQProducer producer = temporary.producer(cluster);
        try {
            assertThat(producer.send(message("orders", "before")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            temporary.register(cluster, "pub", false);

            assertNoPermission(() -> producer.send(message("orders", "after")));
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void unsignedAndWronglySignedRequestsAreRefusedAndTheBrokerKeepsServing() throws Exception {
        Tenant forger = new Tenant(tenantA.namespace(), tenantA.accessKey(), "not-the-secret");
        DefaultMQProducer forged = forger.producer(cluster);
        DefaultMQProducer unsigned = new DefaultMQProducer(BrokerCluster.uniqueName("unsigned"));
        unsigned.setNamesrvAddr(cluster.nameServerAddress());
        unsigned.start();
        DefaultMQProducer honest = tenantA.producer(cluster);
        try {
            assertThatThrownBy(() -> forged.send(message("orders", "forged")));
            assertThatThrownBy(() -> unsigned.send(new Message(tenantA.wireName("orders"), new byte[] {1})));

            assertThat(honest.send(message("orders", "still served")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            forged.shutdown();
            unsigned.shutdown();
            honest.shutdown();
        }
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }
}
