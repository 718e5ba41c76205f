package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.replication.ReplicationFrame.Ack;
import io.cloudmq.dataplane.replication.ReplicationFrame.Data;
import io.cloudmq.dataplane.replication.ReplicationFrame.Heartbeat;
import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.cloudmq.dataplane.store.meta.CommonPoint;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slave's connection to the master: answers its HELLO ({@link #welcome}), then streams DATA from
 * the start offset on a sender thread while the session thread reads the slave's ACKs. Any I/O or
 * protocol error ends the session; the slave reconnects and handshakes again.
 *
 * <p>Threading: a session thread (handshake, then ACKs) and a sender thread, the only writer after the
 * WELCOME; {@link #wake} and {@link #close} from any other thread.
 */
final class MasterSession {
    private static final Logger log = LoggerFactory.getLogger(MasterSession.class);

    private final Socket socket;
    private final ReplicatedLog store;
    private final ReplicaSet replicas;
    private final ReplicationConfig config;
    private final Consumer<MasterSession> onClosed;
    private final Thread thread;
    private volatile @Nullable Thread sender;
    private volatile boolean closed;

    MasterSession(Socket socket, ReplicatedLog store, ReplicaSet replicas, ReplicationConfig config,
            Consumer<MasterSession> onClosed) {
        this.socket = socket;
        this.store = store;
        this.replicas = replicas;
        this.config = config;
        this.onClosed = onClosed;
        this.thread = new Thread(this::run, "replication-session-" + socket.getRemoteSocketAddress());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The master's answer to {@code hello}, given its own log; only a slave that proves the cluster's key is served. */
    static Welcome welcome(Hello hello, ReplicatedLog store, ReplicationConfig config) {
        long end = store.commitLogMaxOffset();
        OptionalInt version = FrameCodec.negotiate(hello.minVersion(), hello.maxVersion(), config.minVersion(),
                config.maxVersion());
        if (version.isEmpty()) {
            return Welcome.refused(HandshakeStatus.VERSION_UNSUPPORTED, end);
        }
        if (version.getAsInt() < FrameCodec.V3 || !config.key().accepts(hello.slaveName(), hello.sentAtMillis(),
                hello.proof(), config.clock().millis())) {
            return Welcome.refused(HandshakeStatus.UNAUTHENTICATED, end);
        }
        if (hello.fileSize() != store.commitLogFileSize()) {
            return Welcome.refused(HandshakeStatus.FILE_SIZE_MISMATCH, end);
        }
        long common = CommonPoint.of(hello.epochs(), hello.endOffset(), store.epochHistory(), end);
        long start = Math.max(common, store.commitLogMinOffset());
        return new Welcome(version.getAsInt(), HandshakeStatus.OK, common, start, end, store.epochHistory());
    }

    private void run() {
        @Nullable ReplicaProgress progress = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) config.peerTimeout().toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(socket.getOutputStream(), config.maxChunkBytes() + 64));
            FrameCodec handshakeCodec = new FrameCodec(config.maxVersion());
            Hello hello = FrameCodec.expect(handshakeCodec.read(in), Hello.class);
            Welcome welcome = welcome(hello, store, config);
            handshakeCodec.write(out, welcome);
            out.flush();
            String name = hello.slaveName().isEmpty() ? String.valueOf(socket.getRemoteSocketAddress())
                    : hello.slaveName();
            if (welcome.status() != HandshakeStatus.OK) {
                log.warn("replication refused to {} (versions {}..{}): {}", name, hello.minVersion(),
                        hello.maxVersion(), welcome.status());
                return;
            }
            log.info("slave {} connected (protocol v{}): its end {}, common point {}, streaming from {}", name,
                    welcome.version(), hello.endOffset(), welcome.commonOffset(), welcome.startOffset());
            FrameCodec codec = new FrameCodec(welcome.version());
            progress = replicas.register(name, welcome.startOffset());
            ReplicaProgress tracked = progress;
            Thread thread = new Thread(() -> send(codec, out, welcome.startOffset(), tracked),
                    "replication-sender-" + name);
            thread.setDaemon(true);
            sender = thread;
            thread.start();
            while (!closed) {
                replicas.confirm(progress, FrameCodec.expect(codec.read(in), Ack.class).confirmedOffset());
            }
        } catch (IOException e) {
            if (!closed) {
                log.info("replication connection {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
            }
        } finally {
            closed = true;
            stopSender();
            if (progress != null) {
                replicas.remove(progress);
            }
            onClosed.accept(this);
        }
    }

    /** Wakes the sender: the log has grown. */
    void wake() {
        Thread thread = sender;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Closes the connection and waits for the session's threads to end. */
    void close() {
        closeSocket();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing replication socket failed", e);
        }
    }

    private void send(FrameCodec codec, DataOutputStream out, long startOffset, ReplicaProgress progress) {
        long next = startOffset;
        long heartbeatNanos = config.heartbeatInterval().toNanos();
        long lastWrite = System.nanoTime();
        try {
            while (!closed) {
                long end = store.commitLogMaxOffset();
                replicas.sampleMasterEnd(progress, end);
                byte[] chunk = store.readReplicationChunk(next, config.maxChunkBytes());
                if (chunk == null) {
                    throw new IOException("the master's log no longer holds offset " + next);
                }
                if (chunk.length > 0) {
                    codec.write(out, new Data(next, Math.max(end, next + chunk.length), chunk));
                    out.flush();
                    next += chunk.length;
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite >= heartbeatNanos) {
                    codec.write(out, new Heartbeat(end));
                    out.flush();
                    lastWrite = System.nanoTime();
                } else {
                    LockSupport.parkNanos(this, heartbeatNanos - (System.nanoTime() - lastWrite));
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.info("sending to {} failed: {}", progress.name(), e.toString());
            }
            closeSocket();
        }
    }

    private void stopSender() {
        Thread thread = sender;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
