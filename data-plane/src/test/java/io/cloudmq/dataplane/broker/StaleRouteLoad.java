package io.cloudmq.dataplane.broker;

import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/**
 * A sync and an async producer (official 5.5.0 client) sending one message each every {@value #PERIOD_MILLIS}
 * ms to one topic (the async one with its sync warm-up), each message exactly once. A failed send is any exception, any {@code onException} and any
 * status other than {@code SEND_OK}; every acknowledged message is recorded with its offset message id.
 *
 * <p>The one setting changed from the defaults: {@code pollNameServerInterval} is raised to
 * {@value #ROUTE_POLL_MILLIS} ms, so the producers keep the route they fetched at their first send for the
 * whole test. That is the worst case a drain must survive — a client that has not yet seen the fence — and
 * the only way to make GO_AWAY, not the route, what moves the sends off the draining broker.
 *
 * <p>Thread-safe: the sends run on a scheduler thread and the client's callback threads.
 */
final class StaleRouteLoad implements AutoCloseable {
    static final int ROUTE_POLL_MILLIS = 10 * 60 * 1000;
    private static final long PERIOD_MILLIS = 20;

    private final String topic;
    private final DefaultMQProducer sync;
    private final DefaultMQProducer async;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger asyncPending = new AtomicInteger();
    private final Map<String, SendResult> acknowledged = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private StaleRouteLoad(String topic, DefaultMQProducer sync, DefaultMQProducer async) {
        this.topic = topic;
        this.sync = sync;
        this.async = async;
    }

    /**
     * Starts both producers, warms each up with sync sends until it has stored on {@code brokers} broker groups
     * (route fetched, connections open: a cold client on a busy machine may otherwise spend its whole send
     * timeout starting up), then starts the periodic sends. Warm-up sends count like all others.
     */
    static StaleRouteLoad start(String nameServer, String topic, int brokers) throws Exception {
        StaleRouteLoad load = new StaleRouteLoad(topic, producer(nameServer), producer(nameServer));
        load.warmUp(load.sync, brokers);
        load.warmUp(load.async, brokers);
        load.scheduler.scheduleAtFixedRate(load::sendSync, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        load.scheduler.scheduleAtFixedRate(load::sendAsync, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return load;
    }

    private static DefaultMQProducer producer(String nameServer) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("stale-route"),
                TestCredentials.operatorHook());
        producer.setNamesrvAddr(nameServer);
        producer.setPollNameServerInterval(ROUTE_POLL_MILLIS);
        producer.start();
        return producer;
    }

    /** Acknowledged messages by their unique id. */
    Map<String, SendResult> acknowledged() {
        return acknowledged;
    }

    /** Every failed send, described with the time it was reported. */
    List<String> failures() {
        return failures;
    }

    /** How many acknowledged messages {@code brokerName} stored. */
    long acknowledgedBy(String brokerName) {
        return acknowledged.values().stream()
                .filter(result -> result.getMessageQueue().getBrokerName().equals(brokerName)).count();
    }

    /** Waits until {@code more} further messages have been acknowledged. */
    void awaitMoreAcknowledged(int more) {
        int target = acknowledged.size() + more;
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= target);
    }

    private void warmUp(DefaultMQProducer producer, int brokers) {
        Set<String> stored = new HashSet<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try {
                SendResult result = producer.send(next());
                record("warm-up", result);
                stored.add(result.getMessageQueue().getBrokerName());
            } catch (Exception e) {
                failures.add(Instant.now() + " warm-up: " + e);
            }
            return stored.size() == brokers;
        });
    }

    private Message next() {
        return new Message(topic, ("stale-route-" + sequence.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
    }

    private void sendSync() {
        try {
            record("sync", sync.send(next()));
        } catch (Exception e) {
            failures.add(Instant.now() + " sync: " + e);
        }
    }

    private void sendAsync() {
        asyncPending.incrementAndGet();
        try {
            async.send(next(), new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    record("async", result);
                    asyncPending.decrementAndGet();
                }

                @Override
                public void onException(Throwable e) {
                    failures.add(Instant.now() + " async: " + e);
                    asyncPending.decrementAndGet();
                }
            });
        } catch (Exception e) {
            failures.add(Instant.now() + " async, not sent: " + e);
            asyncPending.decrementAndGet();
        }
    }

    private void record(String kind, SendResult result) {
        if (result.getSendStatus() == SendStatus.SEND_OK) {
            acknowledged.put(result.getMsgId(), result);
        } else {
            failures.add(Instant.now() + " " + kind + ": status " + result.getSendStatus());
        }
    }

    /** Stops sending, waits for the async sends in flight to end, and shuts the producers down. */
    @Override
    public void close() throws Exception {
        scheduler.shutdown();
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> asyncPending.get() == 0);
        sync.shutdown();
        async.shutdown();
    }
}
