package io.cloudmq.dataplane.admin;

import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;

/**
 * The node's single meter registry: JVM and process meters, plus {@code cloudmq_node_info} (always 1,
 * labelled {@code node_id}, {@code role}, {@code cluster}, {@code version}). Role services add their own
 * meters to {@link #registry()}. The registry is thread-safe; {@link #start()} and {@link #close()} are
 * called by {@link io.cloudmq.dataplane.lifecycle.NodeRuntime}.
 */
public final class NodeMetrics implements Lifecycle {
    private final NodeConfig config;
    private final NodeIdentity identity;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    public NodeMetrics(NodeConfig config, NodeIdentity identity) {
        this.config = config;
        this.identity = identity;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void start() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("cloudmq.node.info", () -> 1)
                .description("Identity of this node; the value is always 1")
                .tag("node_id", config.nodeId())
                .tag("role", config.role().name().toLowerCase(Locale.ROOT))
                .tag("cluster", config.cluster())
                .tag("version", identity.version())
                .register(registry);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
