package io.cloudmq.dataplane.broker.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's meters on the node registry (Prometheus names in brackets): sends and pulls by response
 * code ({@code cloudmq_broker_sends_total}, {@code cloudmq_broker_pulls_total}, label {@code code}),
 * bytes sent in and pulled out ({@code cloudmq_broker_send_bytes_total}, {@code cloudmq_broker_pull_bytes_total}),
 * store put latency ({@code cloudmq_broker_store_put_seconds}), open client connections
 * ({@code cloudmq_broker_connections}) and held pulls ({@code cloudmq_broker_pulls_held}). Thread-safe.
 */
public final class BrokerMetrics {
    private final MeterRegistry registry;
    private final Counter sendBytes;
    private final Counter pullBytes;
    private final Timer putLatency;
    private final AtomicInteger connections = new AtomicInteger();

    public BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sendBytes = Counter.builder("cloudmq.broker.send.bytes").description("Message body bytes received")
                .register(registry);
        this.pullBytes = Counter.builder("cloudmq.broker.pull.bytes").description("Record bytes sent to consumers")
                .register(registry);
        this.putLatency = Timer.builder("cloudmq.broker.store.put").description("Time a store put takes")
                .register(registry);
        Gauge.builder("cloudmq.broker.connections", connections, AtomicInteger::get)
                .description("Open client connections").register(registry);
    }

    void sent(int code, long bodyBytes, Duration putTime) {
        rejectedSend(code);
        sendBytes.increment(bodyBytes);
        putLatency.record(putTime);
    }

    void rejectedSend(int code) {
        Counter.builder("cloudmq.broker.sends").tag("code", Integer.toString(code)).register(registry).increment();
    }

    /** Publishes the number of pulls {@code holds} holds now ({@code cloudmq_broker_pulls_held}). */
    public void watch(PullRequestHoldService holds) {
        Gauge.builder("cloudmq.broker.pulls.held", holds, PullRequestHoldService::heldCount)
                .description("Pulls waiting for messages (long polling)").register(registry);
    }

    void pulled(int code, long bytes) {
        Counter.builder("cloudmq.broker.pulls").tag("code", Integer.toString(code)).register(registry).increment();
        pullBytes.increment(bytes);
    }

    public void connected() {
        connections.incrementAndGet();
    }

    public void disconnected() {
        connections.decrementAndGet();
    }
}
