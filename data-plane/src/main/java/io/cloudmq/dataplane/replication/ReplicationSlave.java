package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Metrics: counter {@code cloudmq.replication.received.bytes} (bytes appended from the master) and
 * gauge {@code cloudmq.replication.slave.lag.bytes} (the master's last reported end minus this log's end).
 *
 * <p>Threading: {@link #start} and {@link #close} once each from the lifecycle thread; one replication
 * thread; the accessors from any thread.
 */
public final class ReplicationSlave implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReplicationSlave.class);
    static final String RECEIVED_BYTES = "cloudmq.replication.received.bytes";
    static final String SLAVE_LAG_BYTES = "cloudmq.replication.slave.lag.bytes";

    private final ReplicatedLog store;
    private final InetSocketAddress master;
    private final String name;
    private final ReplicationConfig config;
    private final Counter receivedBytes;
    private final AtomicLong masterEnd = new AtomicLong();
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
        this.receivedBytes = Counter.builder(RECEIVED_BYTES).baseUnit("bytes")
                .description("commit-log bytes appended from the master").register(registry);
        Gauge.builder(SLAVE_LAG_BYTES, this, slave -> slave.lagBytes()).baseUnit("bytes")
                .description("master's reported end minus this log's end").register(registry);
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

    /** Whether this slave streams and is at most the in-sync lag in bytes behind the master's last reported end. */
    public boolean isInSync() {
        return streaming && lagBytes() <= config.inSyncMaxLagBytes();
    }

    /** Bytes behind the master's last reported end. */
    public long lagBytes() {
        return Math.max(0, masterEnd.get() - store.commitLogMaxOffset());
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
                    masterEnd.set(offset);
                }
            });
            session = current;
            if (closed) {
                break;
            }
            try (current) {
                HandshakeStatus refused = current.run(master, () -> streaming = true);
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
