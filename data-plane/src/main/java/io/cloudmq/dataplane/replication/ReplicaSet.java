package io.cloudmq.dataplane.replication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The slaves connected to a master, whether any is in sync, and their lag gauges:
 * {@code cloudmq.replication.lag.bytes} and {@code cloudmq.replication.lag.time} (seconds), tagged
 * {@code slave=<name>}, present while the slave is connected. A slave is in sync while both lags are within
 * {@link ReplicationConfig#inSync()}.
 *
 * <p>Threading: thread-safe; confirm listeners run on the confirming (ack reader) thread.
 */
public final class ReplicaSet {
    static final String LAG_BYTES = "cloudmq.replication.lag.bytes";
    static final String LAG_TIME = "cloudmq.replication.lag.time";

    private final ReplicationConfig config;
    private final LongSupplier masterEnd;
    private final MeterRegistry registry;
    private final Map<String, ReplicaProgress> byName = new ConcurrentHashMap<>();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
    private final List<LongConsumer> confirmListeners = new CopyOnWriteArrayList<>();

    /**
     * @param masterEnd the master's commit-log end offset
     * @param registry where the lag gauges go
     */
    public ReplicaSet(ReplicationConfig config, LongSupplier masterEnd, MeterRegistry registry) {
        this.config = config;
        this.masterEnd = masterEnd;
        this.registry = registry;
    }

    /** Tracks a slave that starts at {@code startOffset}; replaces an earlier connection of the same name. */
    ReplicaProgress register(String name, long startOffset) {
        ReplicaProgress progress = new ReplicaProgress(name, startOffset, config.clock().millis());
        byName.put(name, progress);
        gauges.computeIfAbsent(name, n -> List.of(
                Gauge.builder(LAG_BYTES, () -> lagOf(n, false)).tag("slave", n).baseUnit("bytes")
                        .description("bytes the slave has not confirmed").register(registry),
                Gauge.builder(LAG_TIME, () -> lagOf(n, true)).tag("slave", n).baseUnit("seconds")
                        .description("time since the slave was last caught up").register(registry)));
        return progress;
    }

    /** Stops tracking {@code progress} (its connection closed), unless a newer connection replaced it. */
    void remove(ReplicaProgress progress) {
        if (byName.remove(progress.name(), progress)) {
            List<Meter> meters = gauges.remove(progress.name());
            if (meters != null) {
                meters.forEach(registry::remove);
            }
        }
    }

    void confirm(ReplicaProgress progress, long offset) {
        progress.confirm(offset, masterEnd.getAsLong(), config.clock().millis());
        for (LongConsumer listener : confirmListeners) {
            listener.accept(offset);
        }
    }

    void sampleMasterEnd(ReplicaProgress progress, long end) {
        progress.sampleMasterEnd(end, config.clock().millis());
    }

    /** Registers a listener told every confirmed offset. */
    void addConfirmListener(LongConsumer listener) {
        confirmListeners.add(listener);
    }

    /** Whether at least one connected slave is in sync now. */
    public boolean anyInSync() {
        long end = masterEnd.getAsLong();
        long now = config.clock().millis();
        for (ReplicaProgress progress : byName.values()) {
            if (inSync(progress, end, now)) {
                return true;
            }
        }
        return false;
    }

    /** A snapshot of every connected slave. */
    public List<ReplicaLag> lags() {
        long end = masterEnd.getAsLong();
        long now = config.clock().millis();
        List<ReplicaLag> lags = new ArrayList<>();
        for (ReplicaProgress progress : byName.values()) {
            lags.add(new ReplicaLag(progress.name(), progress.confirmedOffset(), progress.lagBytes(end),
                    progress.lagMillis(end, now), inSync(progress, end, now)));
        }
        return lags;
    }

    private boolean inSync(ReplicaProgress progress, long end, long now) {
        return config.inSync().admit(progress.lagBytes(end), progress.lagMillis(end, now));
    }

    private double lagOf(String name, boolean time) {
        ReplicaProgress progress = byName.get(name);
        if (progress == null) {
            return Double.NaN;
        }
        long end = masterEnd.getAsLong();
        return time ? progress.lagMillis(end, config.clock().millis()) / 1000.0 : progress.lagBytes(end);
    }
}
