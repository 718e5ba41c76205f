package io.cloudmq.controlplane.insight;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the metrics history, prefix {@code cloudmq.metrics}.
 *
 * @param scrapeInterval time between two scrapes of the brokers' metrics
 * @param retention how far back the history reaches
 */
@Validated
@ConfigurationProperties("cloudmq.metrics")
record MetricsHistoryProperties(
        @DefaultValue("10s") Duration scrapeInterval,
        @DefaultValue("1h") Duration retention) {

    /** Points kept per series. */
    int capacity() {
        return (int) Math.max(1, retention.toMillis() / Math.max(1, scrapeInterval.toMillis()));
    }
}
