package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official producer against the shared cluster: every send mode, sizes, and what arrives. */
@ExtendWith(SharedCluster.class)
class ProducerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final BrokerCluster cluster;
    private DefaultMQProducer producer;
    private String topic;

    ProducerIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicAndProducer() throws Exception {
        topic = BrokerCluster.uniqueName("producer-topic");
        cluster.createTopic(topic, 4);
        producer = Clients.producer(cluster);
    }

    @AfterEach
    void stopProducer() {
        producer.shutdown();
    }

    @Test
    void syncSendKeepsKeysTagsAndPropertiesAndItsIdsResolve() throws Exception {
        Message message = new Message(topic, "TagA", "key-1 key-2", "hello".getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("colour", "blue");

        SendResult result = producer.send(message);

        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.getMessageQueue().getBrokerName()).isEqualTo(BrokerCluster.BROKER_NAME);
        MessageExt byOffsetId = producer.viewMessage(topic, result.getOffsetMsgId());
        MessageExt byUniqueId = producer.viewMessage(topic, result.getMsgId());
        for (MessageExt found : List.of(byOffsetId, byUniqueId)) {
            assertThat(found.getMsgId()).isEqualTo(result.getMsgId());
            assertThat(found.getTags()).isEqualTo("TagA");
            assertThat(found.getKeys()).isEqualTo("key-1 key-2");
            assertThat(found.getUserProperty("colour")).isEqualTo("blue");
            assertThat(found.getBody()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(found.getQueueOffset()).isEqualTo(result.getQueueOffset());
        }
        assertThat(producer.queryMessage(topic, "key-2", 10, 0, Long.MAX_VALUE).getMessageList())
                .extracting(MessageExt::getMsgId).containsExactly(result.getMsgId());
    }

    /**
     * Random bodies are incompressible, and the client compresses bodies of 4 KiB and more, which makes them a
     * little larger than sent; the largest random one therefore leaves room for that, and the 4 MiB body is
     * text, which the client sends compressed.
     */
    @Test
    void bodiesFromOneByteToFourMebibytesArriveIntact() throws Exception {
        Random random = new Random(42);
        Map<String, byte[]> sent = new ConcurrentHashMap<>();
        for (int size : new int[] {1, 100, 4095, 4096, 64 * 1024, 1024 * 1024, BrokerCluster.MAX_MESSAGE_SIZE - 8192}) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            sent.put(producer.send(new Message(topic, body)).getMsgId(), body);
        }
        byte[] text = new byte[BrokerCluster.MAX_MESSAGE_SIZE];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + random.nextInt(26));
        }
        sent.put(producer.send(new Message(topic, text)).getMsgId(), text);

        Map<String, byte[]> received = drain(sent.size());

        assertThat(received).containsOnlyKeys(sent.keySet());
        sent.forEach((id, body) -> assertThat(received.get(id)).as("body of %s", id).isEqualTo(body));
    }

    @Test
    void asyncOnewayAndBatchSendsAreAllStored() throws Exception {
        List<CompletableFuture<SendResult>> asyncResults = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<SendResult> future = new CompletableFuture<>();
            producer.send(new Message(topic, ("async-" + i).getBytes(StandardCharsets.UTF_8)), new SendCallback() {
                @Override
                public void onSuccess(SendResult sendResult) {
                    future.complete(sendResult);
                }

                @Override
                public void onException(Throwable e) {
                    future.completeExceptionally(e);
                }
            });
            asyncResults.add(future);
        }
        for (int i = 0; i < 10; i++) {
            producer.sendOneway(new Message(topic, ("oneway-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new Message(topic, ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        SendResult batchResult = producer.send(batch);

        assertThat(CompletableFuture.allOf(asyncResults.toArray(CompletableFuture[]::new)))
                .succeedsWithin(DEADLINE);
        assertThat(asyncResults).allSatisfy(result -> assertThat(result.join().getSendStatus()).isEqualTo(SendStatus.SEND_OK));
        assertThat(batchResult.getMsgId().split(",")).hasSize(10);
        assertThat(batchResult.getOffsetMsgId().split(",")).hasSize(10);
        assertThat(drain(40).values()).extracting(body -> new String(body, StandardCharsets.UTF_8))
                .hasSize(40)
                .contains("async-0", "async-19", "oneway-0", "oneway-9", "batch-0", "batch-9");
    }

    @Test
    void sendToATopicNobodyCreatedFailsWithNoRoute() {
        Message message = new Message(BrokerCluster.uniqueName("never-created"), new byte[] {1});

        assertThatThrownBy(() -> producer.send(message))
                .isInstanceOf(MQClientException.class)
                .hasMessageContaining("No route info of this topic");
    }

    /**
     * The producer's {@code maxMessageSize} is raised to 8 MiB so that the client lets the 6 MiB body through
     * and the broker's own limit is what answers.
     */
    @Test
    void anIncompressibleSixMebibyteBodyIsRefusedAsIllegal() throws Exception {
        producer.setMaxMessageSize(8 * 1024 * 1024);
        byte[] body = new byte[6 * 1024 * 1024];
        new Random(7).nextBytes(body);

        assertThatThrownBy(() -> producer.send(new Message(topic, body)))
                .isInstanceOfSatisfying(MQBrokerException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL));
    }

    /**
     * Reads the topic from the beginning with a lite pull consumer of a new group until {@code count} messages
     * arrived. A new group starts at offset 0 of a queue that has lost nothing (the broker's answer to its
     * first offset query), so no seek is needed; seeking right after {@code assign} races with the client's
     * first pull tasks.
     */
    private Map<String, byte[]> drain(int count) throws Exception {
        String group = BrokerCluster.uniqueName("drain");
        cluster.createGroup(group);
        DefaultLitePullConsumer consumer = Clients.litePullConsumer(cluster, group);
        Map<String, byte[]> received = new ConcurrentHashMap<>();
        try {
            consumer.start();
            consumer.assign(consumer.fetchMessageQueues(topic));
            await().atMost(DEADLINE).until(() -> {
                for (MessageExt message : consumer.poll(1000)) {
                    received.put(message.getMsgId(), message.getBody());
                }
                return received.size() >= count;
            });
        } finally {
            consumer.shutdown();
        }
        return received;
    }
}
