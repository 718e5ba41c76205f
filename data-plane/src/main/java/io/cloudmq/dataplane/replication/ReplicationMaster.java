package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.lifecycle.DaemonThreadFactory;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.cloudmq.dataplane.store.queue.ArrivalListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master's side of replication: listens on the replication port (remoting port + 1), runs one
 * {@link MasterSession} per connected slave, and owns the {@link ReplicaSet} and the SYNC_MASTER
 * {@link ReplicaAckWaiter}. New records wake the senders through a store arrival listener.
 *
 * <p>The master's epoch must not change while it runs; a role change closes this service and starts
 * a new one.
 *
 * <p>Threading: {@link #start} and {@link #close} once each from the node's lifecycle thread; an
 * acceptor thread, two threads per slave and a timer thread that expires overdue ack waits.
 */
public final class ReplicationMaster implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(ReplicationMaster.class);
    private static final long EXPIRY_PERIOD_MILLIS = 10;

    private final ReplicatedLog store;
    private final InetSocketAddress bindAddress;
    private final ReplicationConfig config;
    private final ReplicaSet replicas;
    private final ReplicaAckWaiter ackWaiter;
    private final Set<MasterSession> sessions = ConcurrentHashMap.newKeySet();
    private final ArrivalListener wakeSenders =
            (topic, queueId, nextOffset, tagsCode) -> sessions.forEach(MasterSession::wake);
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DaemonThreadFactory("replication-timer"));
    private @Nullable ServerSocket server;
    private @Nullable Thread acceptor;
    private volatile boolean closed;

    /**
     * @param bindAddress where to listen (port 0 picks a free port, see {@link #port()})
     * @param registry where the per-slave lag gauges go
     */
    public ReplicationMaster(ReplicatedLog store, InetSocketAddress bindAddress, ReplicationConfig config,
            MeterRegistry registry) {
        this.store = store;
        this.bindAddress = bindAddress;
        this.config = config;
        this.replicas = new ReplicaSet(config, store::commitLogMaxOffset, registry);
        this.ackWaiter = new ReplicaAckWaiter(replicas, config.ackTimeout(), config.clock());
    }

    @Override
    public void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(bindAddress);
        server = socket;
        store.addArrivalListener(wakeSenders);
        timer.scheduleWithFixedDelay(ackWaiter::expireOverdue, EXPIRY_PERIOD_MILLIS, EXPIRY_PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        Thread thread = new Thread(() -> accept(socket), "replication-acceptor");
        thread.setDaemon(true);
        acceptor = thread;
        thread.start();
        log.info("replication master listening on {}", socket.getLocalSocketAddress());
    }

    /** The port it listens on (after {@link #start}). */
    public int port() {
        ServerSocket socket = server;
        if (socket == null) {
            throw new IllegalStateException("not started");
        }
        return socket.getLocalPort();
    }

    /** The SYNC_MASTER waiter: {@code ackWaiter().await(putResult.endOffset(), slaveExpected)}. */
    public ReplicaAckWaiter ackWaiter() {
        return ackWaiter;
    }

    /** The connected slaves and their lags. */
    public ReplicaSet replicas() {
        return replicas;
    }

    private void accept(ServerSocket socket) {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                MasterSession session = new MasterSession(connection, store, replicas, config, sessions::remove);
                sessions.add(session);
                session.start();
            } catch (IOException e) {
                if (!closed) {
                    log.error("replication acceptor failed; no slave can connect until restart", e);
                }
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
            if (acceptor != null) {
                acceptor.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (IOException e) {
            log.warn("closing the replication port failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.removeArrivalListener(wakeSenders);
        sessions.forEach(MasterSession::close);
        timer.shutdownNow();
        ackWaiter.close();
        log.info("replication master closed");
    }
}
