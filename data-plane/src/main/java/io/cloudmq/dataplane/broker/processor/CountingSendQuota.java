package io.cloudmq.dataplane.broker.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A {@link SendQuota} that admits every send and counts its messages per instance in
 * {@code cloudmq_instance_send_messages_total{instance}}, the figure a send-TPS quota is measured against
 * (its rate is the instance's send TPS). Thread-safe.
 */
public final class CountingSendQuota implements SendQuota {
    private final MeterRegistry registry;

    public CountingSendQuota(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean admit(String instance, int messages) {
        Counter.builder("cloudmq.instance.send.messages")
                .description("Messages of sends that passed the send quota, per instance")
                .tag("instance", instance).register(registry).increment(messages);
        return true;
    }
}
