package io.cloudmq.dataplane.admin;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /admin/v1/metrics}: the node's meters in the Prometheus text format. Thread-safe. */
public final class MetricsEndpoint implements AdminEndpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AdminResponse handle(AdminRequest request) {
        return AdminResponse.text(CONTENT_TYPE, registry.scrape());
    }
}
