package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slave's side of replication: keeps one {@link SlaveSession} to the master's replication port,
 * reconnecting after any failure with exponential back-off ({@link ReplicationConfig#reconnectMinBackoff()}
 * doubling up to {@link ReplicationConfig#reconnectMaxBackoff()}, reset once a handshake succeeds), so
 * it catches up after any downtime of either side. It never opens the master's data directory.
 *
 * <p>Metrics: counter {@code cloudmq.replication.received.bytes} (bytes appended from the master), gauges
 * {@code cloudmq.replication.slave.lag.bytes} (the master's last reported end minus this log's end) and
 * {@code cloudmq.replication.slave.lag.time} (seconds since this slave last held the master's reported end: its
 * own measure of what the master exports as {@code cloudmq.replication.lag.time}), see {@link SlaveLag}.
 *
 * <p>Threading: {@link #start} and {@link #close} once each from the lifecycle thread; one replication
 * thread; the accessors from any thread.
 */
public final class ReplicationSlave implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReplicationSlave.class);
    static final String RECEIVED_BYTES = "cloudmq.replication.received.bytes";
    static final String SLAVE_LAG_BYTES = "cloudmq.replication.slave.lag.bytes";
    static final String SLAVE_LAG_TIME = "cloudmq.replication.slave.lag.time";

    private final ReplicatedLog store;
    private final InetSocketAddress master;
    private final String name;
    private final ReplicationConfig config;
    private final Counter receivedBytes;
    private final SlaveLag lag;
    private final Thread thread;
    private volatile @Nullable SlaveSession session;
    private volatile boolean streaming;
    private volatile boolean closed;

    /**
     * @param master the master's replication address (its remoting port + 1)
     * @param name this slave's name in the master's metrics (for example {@code broker-a-1})
     */
    public ReplicationSlave(ReplicatedLog store, InetSocketAddress master, String name, ReplicationConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.master = master;
        this.name = name;
        this.config = config;
        this.lag = new SlaveLag(name, store::commitLogMaxOffset, config.inSync(), config.clock());
        this.receivedBytes = Counter.builder(RECEIVED_BYTES).baseUnit("bytes")
                .description("commit-log bytes appended from the master").register(registry);
        Gauge.builder(SLAVE_LAG_BYTES, this, slave -> slave.lagBytes()).baseUnit("bytes")
                .description("master's reported end minus this log's end").register(registry);
        Gauge.builder(SLAVE_LAG_TIME, this, slave -> slave.lagMillis() / 1000.0).baseUnit("seconds")
                .description("time since this slave last held the master's reported end").register(registry);
        this.thread = new Thread(this::run, "replication-slave");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Whether a session is past its handshake now. */
    public boolean isStreaming() {
        return streaming;
    }

    /**
     * Whether this slave streams and is within the in-sync limits: at most {@link InSyncLimits#maxLagBytes()}
     * behind the master's last reported end and caught up with it at most {@link InSyncLimits#maxLag()} ago.
     */
    public boolean isInSync() {
        return streaming && lag.withinLimits();
    }

    /** Bytes behind the master's last reported end. */
    public long lagBytes() {
        return lag.lagBytes();
    }

    /** Milliseconds since this slave last held the master's reported end; 0 while it holds it. */
    public long lagMillis() {
        return lag.lagMillis();
    }

    private void run() {
        long backoff = config.reconnectMinBackoff().toNanos();
        while (!closed) {
            SlaveSession current = new SlaveSession(store, config, name, new SlaveSession.Listener() {
                @Override
                public void appended(int bytes) {
                    receivedBytes.increment(bytes);
                }

                @Override
                public void masterEnd(long offset) {
                    lag.masterEnd(offset);
                }
            });
            session = current;
            if (closed) {
                break;
            }
            try (current) {
                HandshakeStatus refused = current.run(master, () -> {
                    lag.sessionStarted();
                    streaming = true;
                });
                log.warn("master {} refused replication: {}", master, refused);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.info("replication from {} interrupted: {}", master, e.toString());
                }
            }
            if (streaming) {
                backoff = config.reconnectMinBackoff().toNanos();
            }
            streaming = false;
            if (!closed) {
                LockSupport.parkNanos(this, backoff);
                backoff = Math.min(backoff * 2, config.reconnectMaxBackoff().toNanos());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        SlaveSession current = session;
        if (current != null) {
            current.close();
        }
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("replication slave closed");
    }
}
