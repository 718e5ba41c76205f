package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.auth.NamespacedNames;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's meters on the node registry, Prometheus names below. Per-tenant meters carry the label
 * {@code instance} ({@link InstanceLabel}, empty for system and unnamespaced names); {@code topic} and
 * {@code group} are wire names.
 *
 * <table>
 *   <caption>broker meters</caption>
 *   <tr><th>name</th><th>labels</th><th>what</th></tr>
 *   <tr><td>cloudmq_broker_sends_total</td><td>code, instance</td><td>send requests by response code</td></tr>
 *   <tr><td>cloudmq_broker_failed_sends_total</td><td>instance, producer_group</td><td>send requests answered
 *       with a code other than {@code SUCCESS}, by the header's producer group (its tenant name); an upgrade
 *       report reads it. Sends this process never answered (timeouts, closed connections, {@code GO_AWAY}
 *       before processing) are not counted here.</td></tr>
 *   <tr><td>cloudmq_broker_send_bytes_total</td><td>instance</td><td>body bytes of stored sends</td></tr>
 *   <tr><td>cloudmq_broker_pulls_total</td><td>code, instance</td><td>pull answers by response code</td></tr>
 *   <tr><td>cloudmq_broker_pull_bytes_total</td><td>instance</td><td>record bytes sent to consumers</td></tr>
 *   <tr><td>cloudmq_topic_messages_in_total</td><td>instance, topic</td><td>messages stored</td></tr>
 *   <tr><td>cloudmq_topic_messages_out_total</td><td>instance, topic, group</td><td>messages pulled</td></tr>
 *   <tr><td>cloudmq_broker_store_put_seconds</td><td></td><td>time a store put takes</td></tr>
 *   <tr><td>cloudmq_broker_connections</td><td></td><td>open client connections</td></tr>
 *   <tr><td>cloudmq_broker_pulls_held</td><td></td><td>pulls waiting for messages</td></tr>
 * </table>
 *
 * Thread-safe.
 */
public final class BrokerMetrics {
    private static final String INSTANCE = "instance";

    private final MeterRegistry registry;
    private final Timer putLatency;
    private final AtomicInteger connections = new AtomicInteger();

    public BrokerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.putLatency = Timer.builder("cloudmq.broker.store.put").description("Time a store put takes")
                .register(registry);
        Gauge.builder("cloudmq.broker.connections", connections, AtomicInteger::get)
                .description("Open client connections").register(registry);
    }

    /** The registry the broker's meters live on (for meters other broker parts own). */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * A send of {@code producerGroup} to {@code topic} answered {@code code}; {@code messages} were stored if it
     * is {@code SUCCESS}.
     */
    void sent(String topic, String producerGroup, int code, int messages, long bodyBytes, Duration putTime) {
        rejectedSend(topic, producerGroup, code);
        String instance = InstanceLabel.of(topic);
        Counter.builder("cloudmq.broker.send.bytes").description("Message body bytes received")
                .tag(INSTANCE, instance).register(registry).increment(bodyBytes);
        putLatency.record(putTime);
        Counter.builder("cloudmq.topic.messages.in").description("Messages stored")
                .tag(INSTANCE, instance).tag("topic", topic).register(registry).increment(messages);
    }

    /** A send of {@code producerGroup} to {@code topic} answered {@code code} (counted as failed unless success). */
    void rejectedSend(String topic, String producerGroup, int code) {
        String instance = InstanceLabel.of(topic);
        Counter.builder("cloudmq.broker.sends").description("Send requests by response code")
                .tag("code", Integer.toString(code)).tag(INSTANCE, instance)
                .register(registry).increment();
        if (code != ResponseCode.SUCCESS) {
            String group = NamespacedNames.isInside(instance, producerGroup)
                    ? NamespacedNames.localName(instance, producerGroup)
                    : producerGroup;
            Counter.builder("cloudmq.broker.failed.sends")
                    .description("Send requests answered with a code other than SUCCESS, by producer group")
                    .tag(INSTANCE, instance).tag("producer_group", group).register(registry).increment();
        }
    }

    /** Publishes the number of pulls {@code holds} holds now ({@code cloudmq_broker_pulls_held}). */
    public void watch(PullRequestHoldService holds) {
        Gauge.builder("cloudmq.broker.pulls.held", holds, PullRequestHoldService::heldCount)
                .description("Pulls waiting for messages (long polling)").register(registry);
    }

    /** A pull of {@code group} on {@code topic} answered {@code code} with {@code messages} records of {@code bytes}. */
    void pulled(String topic, String group, int code, int messages, long bytes) {
        String instance = InstanceLabel.of(topic);
        Counter.builder("cloudmq.broker.pulls").description("Pull answers by response code")
                .tag("code", Integer.toString(code)).tag(INSTANCE, instance).register(registry).increment();
        Counter.builder("cloudmq.broker.pull.bytes").description("Record bytes sent to consumers")
                .tag(INSTANCE, instance).register(registry).increment(bytes);
        if (messages > 0) {
            Counter.builder("cloudmq.topic.messages.out").description("Messages delivered to consumers")
                    .tag(INSTANCE, instance).tag("topic", topic).tag("group", group)
                    .register(registry).increment(messages);
        }
    }

    public void connected() {
        connections.incrementAndGet();
    }

    public void disconnected() {
        connections.decrementAndGet();
    }
}
