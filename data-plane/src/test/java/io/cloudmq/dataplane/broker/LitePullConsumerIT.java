package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The official lite pull consumer in assign mode against the shared cluster. */
@ExtendWith(SharedCluster.class)
class LitePullConsumerIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final BrokerCluster cluster;
    private DefaultMQProducer producer;
    private DefaultLitePullConsumer consumer;
    private String group;
    private MessageQueue queue;
    private final List<SendResult> sent = new ArrayList<>();

    LitePullConsumerIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    /** Messages 0–4 and 5–9 are sent in different milliseconds, so message 5 is the first stored at its time. */
    @BeforeEach
    void sendTenMessagesToQueueZero() throws Exception {
        String topic = BrokerCluster.uniqueName("lite-topic");
        group = BrokerCluster.uniqueName("lite-group");
        cluster.createTopic(topic, 2);
        cluster.createGroup(group);
        producer = Clients.producer(cluster);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                long previous = System.currentTimeMillis();
                await().atMost(DEADLINE).until(() -> System.currentTimeMillis() > previous + 1);
            }
            sent.add(producer.send(new Message(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8)),
                    (queues, message, arg) -> queues.get(0), null));
        }
        queue = sent.get(0).getMessageQueue();
        consumer = Clients.litePullConsumer(cluster, group);
        consumer.start();
        consumer.assign(List.of(queue));
    }

    @AfterEach
    void stopClients() {
        consumer.shutdown();
        producer.shutdown();
    }

    @Test
    void seekToBeginReadsTheQueueInOrder() {
        assertThat(readAfterSeek(() -> consumer.seekToBegin(queue), 0, 10))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void seekContinuesFromTheGivenOffset() {
        assertThat(readAfterSeek(() -> consumer.seek(queue, 7), 7, 3)).containsExactly(7L, 8L, 9L);
    }

    @Test
    void commitIsStoredOnTheBrokerAndReadBackByAnotherConsumer() throws Exception {
        consumer.commitSync(Map.of(queue, 6L), true);

        DefaultLitePullConsumer other = Clients.litePullConsumer(cluster, group);
        other.start();
        try {
            await().atMost(DEADLINE).until(() -> other.committed(queue) == 6L);
        } finally {
            other.shutdown();
        }
    }

    @Test
    void offsetForTimestampFindsTheFirstMessageStoredAtOrAfterIt() throws Exception {
        long fifthStoredAt = producer.viewMessage(queue.getTopic(), sent.get(5).getOffsetMsgId()).getStoreTimestamp();

        assertThat(consumer.offsetForTimestamp(queue, fifthStoredAt)).isEqualTo(5L);
        assertThat(consumer.offsetForTimestamp(queue, 0L)).isZero();
    }

    /** A seek as the client runs it. */
    @FunctionalInterface
    private interface Seek {
        void run() throws Exception;
    }

    /**
     * Seeks, then polls the offsets of the next {@code count} messages, the first expected at {@code first}. The 5.5.0 client races a seek against
     * its own pull task still starting up after {@code assign} (the old task can be interrupted mid-pull and
     * leave the queue's pull offset behind the seek); the broker is not involved, so the seek is repeated
     * until a poll delivers what it asked for.
     */
    private List<Long> readAfterSeek(Seek seek, long first, int count) {
        List<Long> offsets = new ArrayList<>();
        await().atMost(DEADLINE).ignoreExceptions().until(() -> {
            offsets.clear();
            seek.run();
            long end = System.currentTimeMillis() + 5000;
            while (offsets.size() < count && System.currentTimeMillis() < end) {
                consumer.poll(1000).forEach(message -> offsets.add(message.getQueueOffset()));
            }
            return offsets.size() >= count && offsets.get(0) == first;
        });
        return offsets;
    }
}
