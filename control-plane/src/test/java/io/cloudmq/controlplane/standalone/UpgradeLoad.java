package io.cloudmq.controlplane.standalone;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * Continuous load of official 5.5.0 clients at their default settings on one topic: a sync, an async, an
 * orderly ({@link MessageQueueSelector} by order key) producer and a sync producer with
 * {@code enableReconnectForGoAway} off, each sending every message exactly once (the test never resends), and
 * push consumers of two groups. A <b>failed send</b> is any exception, any {@code onException} and any status
 * other than {@code SEND_OK}; every acknowledged message's id (its body) is recorded, and every delivery to each
 * group is counted.
 *
 * <table>
 *   <caption>Offered load</caption>
 *   <tr><th>producer</th><th>lanes</th><th>period</th><th>msg/s</th></tr>
 *   <tr><td>sync</td><td>3</td><td>15 ms</td><td>200</td></tr>
 *   <tr><td>async</td><td>1</td><td>5 ms</td><td>200</td></tr>
 *   <tr><td>orderly</td><td>2</td><td>30 ms</td><td>67</td></tr>
 *   <tr><td>no-go-away (sync)</td><td>2</td><td>30 ms</td><td>67</td></tr>
 * </table>
 *
 * A lane sends one message per period at a fixed rate (a late send is followed at once by the next). Thread-safe:
 * lanes run on a scheduler, callbacks and deliveries on the clients' threads.
 */
final class UpgradeLoad implements AutoCloseable {
    private static final Duration WARM_UP = Duration.ofMinutes(2);
    private static final int ORDER_KEYS = 16;
    private static final int QUEUES = 8;

    private record Lane(String kind, int count, long periodMillis) {}

    /** One failed send: when it was reported, by which producer, and what failed (the cause chain). */
    record Failure(Instant at, String kind, String id, String what) {}

    /**
     * A push consumer's start is retried until then: a start fails when a name server refuses one request, and
     * on a machine starved by three standalone clusters at once that has lasted over 30 s.
     */
    private static final Duration CONSUMER_START = Duration.ofSeconds(90);
    private static final List<Lane> LANES = List.of(
            new Lane("sync", 3, 15), new Lane("async", 1, 5), new Lane("orderly", 2, 30),
            new Lane("no-go-away", 2, 30));

    private final String topic;
    private final Map<String, DefaultMQProducer> producers = new TreeMap<>();
    private final Map<String, DefaultMQPushConsumer> consumers = new TreeMap<>();
    private final Map<String, Map<String, Integer>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger asyncPending = new AtomicInteger();
    private final ScheduledExecutorService lanes = Executors.newScheduledThreadPool(8);
    private final StallWatch stalls = StallWatch.start();
    private Instant sendingSince = Instant.now();
    private Instant sendingUntil = Instant.now();

    private UpgradeLoad(String topic) {
        this.topic = topic;
    }

    /** The producer groups a load started with {@code producerPrefix} sends from. */
    static List<String> producerGroups(String producerPrefix) {
        return LANES.stream().map(lane -> producerPrefix + "-" + lane.kind()).toList();
    }

    /**
     * Starts the consumers of {@code groups} and waits until each holds all {@value #QUEUES} queues of
     * {@code topic} (a message sent earlier could be skipped by a group that starts at the queue's end), then
     * the producers, and starts sending.
     */
    static UpgradeLoad start(TenantClients clients, String topic, List<String> groups, String producerPrefix)
            throws Exception {
        UpgradeLoad load = new UpgradeLoad(topic);
        try {
            load.startClients(clients, groups, producerPrefix);
        } catch (Exception | AssertionError e) {
            load.close();
            throw e;
        }
        return load;
    }

    private void startClients(TenantClients clients, List<String> groups, String producerPrefix) throws Exception {
        for (String group : groups) {
            Map<String, Integer> counts = new ConcurrentHashMap<>();
            deliveries.put(group, counts);
            MessageListenerConcurrently listener = (messages, context) -> {
                messages.forEach(message ->
                        counts.merge(new String(message.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            };
            await("consumer of " + group + " started").atMost(CONSUMER_START)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> started(clients.consumer(group, topic, listener), group));
        }
        String wireTopic = clients.instanceId() + "%" + topic;
        await("every consumer holds every queue").atMost(WARM_UP).pollInterval(Duration.ofMillis(200))
                .until(() -> consumers.values().stream().allMatch(consumer ->
                        consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet()
                                .stream().filter(queue -> queue.getTopic().equals(wireTopic)).count() == QUEUES));
        for (Lane lane : LANES) {
            DefaultMQProducer producer = clients.producer(producerPrefix + "-" + lane.kind());
            producer.start();
            if (lane.kind().equals("no-go-away")) {
                producer.getDefaultMQProducerImpl().getMqClientFactory().getNettyClientConfig()
                        .setEnableReconnectForGoAway(false);
            }
            producers.put(lane.kind(), producer);
        }
        sendingSince = Instant.now();
        for (Lane lane : LANES) {
            for (int i = 0; i < lane.count(); i++) {
                lanes.scheduleAtFixedRate(() -> send(lane.kind()), i * lane.periodMillis() / lane.count(),
                        lane.periodMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Starts {@code consumer} and keeps it, or shuts it down if its start failed: the client's start fetches the
     * topic's route and throws if the name-server connection it picks is closing under it (once in CI, at
     * cluster start); a new consumer is then tried.
     */
    private boolean started(DefaultMQPushConsumer consumer, String group) {
        try {
            consumer.start();
        } catch (MQClientException | IllegalStateException e) {
            consumer.shutdown();
            return false;
        }
        consumers.put(group, consumer);
        return true;
    }

    /** Whether the go-away producer's client owns its connection settings (no other producer shares them). */
    boolean goAwayReconnectOffOnlyForItsProducer() {
        return producers.entrySet().stream().allMatch(entry -> entry.getValue().getDefaultMQProducerImpl()
                .getMqClientFactory().getNettyClientConfig().isEnableReconnectForGoAway()
                != entry.getKey().equals("no-go-away"));
    }

    /** Waits until {@code more} further messages have been acknowledged. */
    /**
     * Waits until the load is steady: {@code more} more sends acknowledged and none failed for {@code quiet}. What
     * failed before (clients starting on a busy machine) stays in {@link #failures()}.
     */
    void awaitSteady(int more, Duration quiet) {
        int target = acknowledged.size() + more;
        await("the load steady (" + more + " more acknowledged, no failed send for " + quiet + ")").atMost(WARM_UP)
                .until(() -> acknowledged.size() >= target
                        && failures.stream().noneMatch(failure -> failure.at().isAfter(Instant.now().minus(quiet))));
    }

    void awaitMoreAcknowledged(int more) {
        int target = acknowledged.size() + more;
        await("more acknowledged sends").atMost(WARM_UP).until(() -> acknowledged.size() >= target);
    }

    /** Stops sending and waits for the async sends in flight to end; the consumers keep running. */
    void stopSending() throws InterruptedException {
        lanes.shutdown();
        lanes.awaitTermination(30, TimeUnit.SECONDS);
        await("async sends in flight ended").atMost(Duration.ofSeconds(30)).until(() -> asyncPending.get() == 0);
        sendingUntil = Instant.now();
        producers.values().forEach(DefaultMQProducer::shutdown);
    }

    /** Waits until every group received every acknowledged message, or the deadline; true if they did. */
    boolean awaitDelivered(Duration deadline) {
        try {
            await("every acknowledged message delivered to every group").atMost(deadline)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> deliveries.keySet().stream().allMatch(group -> missing(group).isEmpty()));
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    List<Failure> failures() {
        return failures;
    }

    /** The sends that failed at or after {@code from} (an async send fails when its callback says so). */
    List<Failure> failuresSince(Instant from) {
        return failures.stream().filter(failure -> !failure.at().isBefore(from)).toList();
    }

    /** Acknowledged messages {@code group} has not received. */
    List<String> missing(String group) {
        Map<String, Integer> received = deliveries.get(group);
        return acknowledged.stream().filter(id -> !received.containsKey(id)).sorted().toList();
    }

    /** Deliveries of acknowledged messages to {@code group} beyond the first of each. */
    long duplicates(String group) {
        return deliveries.get(group).entrySet().stream()
                .filter(entry -> acknowledged.contains(entry.getKey()))
                .mapToLong(entry -> entry.getValue() - 1)
                .sum();
    }

    /** Messages sent per second between the start of sending and its end. */
    double sendRate() {
        double seconds = Duration.between(sendingSince, sendingUntil).toMillis() / 1000.0;
        return sequence.get() / seconds;
    }

    long sent() {
        return sequence.get();
    }

    private void send(String kind) {
        String id = kind + "-" + sequence.incrementAndGet();
        Message message = new Message(topic, id.getBytes(StandardCharsets.UTF_8));
        DefaultMQProducer producer = producers.get(kind);
        try {
            switch (kind) {
                case "async" -> sendAsync(producer, message, id);
                case "orderly" -> record(kind, id, producer.send(message, (MessageQueueSelector) (queues, msg, key) ->
                        queues.get(Math.floorMod((Integer) key, queues.size())), id.hashCode() % ORDER_KEYS));
                default -> record(kind, id, producer.send(message));
            }
        } catch (Exception e) {
            failures.add(new Failure(Instant.now(), kind, id, causes(e)));
        }
    }

    private void sendAsync(DefaultMQProducer producer, Message message, String id) throws Exception {
        asyncPending.incrementAndGet();
        try {
            producer.send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    record("async", id, result);
                    asyncPending.decrementAndGet();
                }

                @Override
                public void onException(Throwable e) {
                    failures.add(new Failure(Instant.now(), "async", id, "onException: " + causes(e)));
                    asyncPending.decrementAndGet();
                }
            });
        } catch (Exception e) {
            asyncPending.decrementAndGet();
            throw e;
        }
    }

    private void record(String kind, String id, SendResult result) {
        if (result.getSendStatus() == SendStatus.SEND_OK) {
            acknowledged.add(id);
        } else {
            failures.add(new Failure(Instant.now(), kind, id, "status " + result.getSendStatus() + " from "
                    + result.getMessageQueue().getBrokerName()));
        }
    }

    private static String causes(Throwable e) {
        StringBuilder chain = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            chain.append(" <- ").append(cause);
        }
        return chain.toString();
    }

    /** Failed sends grouped by producer and what failed: count, first and last time reported. */
    List<String> failureSummary() {
        Map<String, List<Failure>> byWhat = new TreeMap<>();
        failures.forEach(failure -> byWhat.computeIfAbsent(failure.kind() + ": " + failure.what()
                .replaceAll("\\d{4,}", "#"), key -> new ArrayList<>()).add(failure));
        List<String> lines = new ArrayList<>();
        byWhat.forEach((what, list) -> lines.add(String.format("%d× %s (%s .. %s, first %s)", list.size(), what,
                list.get(0).at(), list.get(list.size() - 1).at(), list.get(0).id())));
        return lines;
    }

    /** The longest stall of this JVM while the load ran (a client that stalls times its own requests out). */
    String longestStall() {
        return stalls.longest();
    }

    /** Stops sending if it still runs, and shuts the consumers down. */
    @Override
    public void close() throws InterruptedException {
        if (!lanes.isShutdown()) {
            stopSending();
        }
        consumers.values().forEach(DefaultMQPushConsumer::shutdown);
        stalls.close();
    }

    /** A summary line per group: deliveries, duplicates and their rate. */
    List<String> deliverySummary() {
        List<String> lines = new ArrayList<>();
        deliveries.keySet().stream().sorted().forEach(group -> lines.add(String.format(
                "group %s: %d missing, %d duplicates (%.3f %% of %d acknowledged)", group, missing(group).size(),
                duplicates(group), 100.0 * duplicates(group) / Math.max(1, acknowledged.size()), acknowledged.size())));
        return lines;
    }
}
