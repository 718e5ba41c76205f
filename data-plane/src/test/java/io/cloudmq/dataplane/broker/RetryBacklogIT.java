package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker's per-group gauges {@code cloudmq_group_retry_backlog} and {@code cloudmq_group_dead_letters} follow a
 * message the official push consumer fails: while it waits for its retry (parked in the delay topic, then in the
 * retry topic until the listener is done with it) the backlog counts it, and once the retries are used up it is
 * counted as a dead letter and no longer as backlog.
 */
@ExtendWith(SharedCluster.class)
class RetryBacklogIT {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /**
     * One retry, configured on the group: the broker follows the group's maximum (the 5.5.0 client always sends
     * 16 in its header, which applies only to a group without one), and one retry is the fewest that takes the
     * message through the retry path before the dead-letter topic.
     */
    private static final int MAX_RETRIES = 1;

    private final BrokerCluster cluster;
    private final List<Integer> reconsumeTimes = new CopyOnWriteArrayList<>();
    private final CountDownLatch retryMayFail = new CountDownLatch(1);
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;
    private String topic;
    private String group;

    RetryBacklogIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void createTopicGroupAndClients() throws Exception {
        topic = BrokerCluster.uniqueName("backlog-topic");
        group = BrokerCluster.uniqueName("backlog-group");
        cluster.createTopic(topic, 1);
        cluster.createGroup(group, MAX_RETRIES);
        producer = Clients.producer(cluster);
        consumer = Clients.pushConsumer(cluster, group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> reconsumeTimes.add(message.getReconsumeTimes()));
            if (messages.get(0).getReconsumeTimes() > 0) {
                awaitRelease();
            }
            return ConsumeConcurrentlyStatus.RECONSUME_LATER;
        });
        consumer.start();
    }

    @AfterEach
    void stopClients() {
        retryMayFail.countDown();
        consumer.shutdown();
        producer.shutdown();
    }

    @Test
    void aFailedMessageIsRetryBacklogUntilItsRetriesAreUsedUpThenADeadLetter() throws Exception {
        producer.send(new Message(topic, "fails every time".getBytes(StandardCharsets.UTF_8)));

        await().atMost(DEADLINE).until(() -> reconsumeTimes.contains(0));
        await().atMost(DEADLINE).until(() -> gauge("cloudmq_group_retry_backlog") == 1);
        assertThat(gauge("cloudmq_group_dead_letters")).isZero();
        await().atMost(DEADLINE).until(() -> reconsumeTimes.contains(1));
        // the parked count is rescanned at most once a second, so the just-delivered retry may briefly count twice
        await().atMost(DEADLINE).until(() -> gauge("cloudmq_group_retry_backlog") == 1);

        retryMayFail.countDown();

        await().atMost(DEADLINE).until(() -> gauge("cloudmq_group_dead_letters") == 1);
        await().atMost(DEADLINE).until(() -> gauge("cloudmq_group_retry_backlog") == 0);
        assertThat(reconsumeTimes).containsExactly(0, 1);
    }

    /** The listener holds the retry (so it stays unconsumed in the retry topic) until the test lets it fail. */
    private void awaitRelease() {
        try {
            retryMayFail.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** This group's value of a group gauge on the broker's metrics (0 when absent). */
    private double gauge(String metric) throws Exception {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{[^}]*group=\"" + Pattern.quote(group) + "\"[^}]*} (\\S+)$")
                .matcher(cluster.brokerMetrics());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
