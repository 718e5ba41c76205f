package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.replication.ReplicationFrame.Ack;
import io.cloudmq.dataplane.replication.ReplicationFrame.Data;
import io.cloudmq.dataplane.replication.ReplicationFrame.Heartbeat;
import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.ReplicaAppendStatus;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection of a slave to its master, on the slave's replication thread:
 *
 * <ol>
 *   <li>HELLO with this log's end offset, file size and epoch history; WELCOME with the common point.</li>
 *   <li>Cut the log at the common point (or drop it whole when the master starts after a gap), then
 *       adopt the master's later terms as the replicated bytes reach their start offsets.</li>
 *   <li>Append every DATA chunk verbatim (the store dispatches it) and ACK the new end; ACK every
 *       HEARTBEAT too, which makes the report periodic while the master is idle.</li>
 * </ol>
 *
 * A frame cut short by a dying master is never appended: only whole frames are read. Any I/O or
 * protocol error, or an append the store refuses, ends the session.
 *
 * <p>Threading: confined to the slave's replication thread, except {@link #close} (any thread).
 */
final class SlaveSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlaveSession.class);

    /** What the slave's metrics are told. */
    interface Listener {
        /** Bytes appended from DATA. */
        void appended(int bytes);

        /** The master's end offset as last reported. */
        void masterEnd(long offset);
    }

    private final ReplicatedLog store;
    private final ReplicationConfig config;
    private final String name;
    private final Listener listener;
    private final Socket socket = new Socket();

    SlaveSession(ReplicatedLog store, ReplicationConfig config, String name, Listener listener) {
        this.store = store;
        this.config = config;
        this.name = name;
        this.listener = listener;
    }

    /**
     * Connects, handshakes and streams until the connection ends.
     *
     * @param onStreaming called once the master accepted this slave and its log is cut to the common point
     * @return the master's refusal; an accepted session only ends with an exception
     */
    HandshakeStatus run(InetSocketAddress master, Runnable onStreaming) throws IOException {
        int timeout = (int) config.peerTimeout().toMillis();
        socket.connect(master, timeout);
        socket.setSoTimeout(timeout);
        socket.setTcpNoDelay(true);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 256 * 1024));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 256));
        FrameCodec handshakeCodec = new FrameCodec(config.maxVersion());
        long sentAt = config.clock().millis();
        handshakeCodec.write(out, new Hello(config.minVersion(), config.maxVersion(), store.commitLogMaxOffset(),
                store.commitLogFileSize(), store.epochHistory(), name, sentAt, config.key().prove(name, sentAt)));
        out.flush();
        Welcome welcome = FrameCodec.expect(handshakeCodec.read(in), Welcome.class);
        if (welcome.status() != HandshakeStatus.OK) {
            return welcome.status();
        }
        if (welcome.version() < config.minVersion() || welcome.version() > config.maxVersion()) {
            throw new ReplicationProtocolException("master chose version " + welcome.version());
        }
        ArrayDeque<EpochEntry> masterTerms = adoptCommonPoint(welcome);
        log.info("replicating from {} (protocol v{}): cut at {}, streaming from {}", master, welcome.version(),
                welcome.commonOffset(), welcome.startOffset());
        onStreaming.run();
        listener.masterEnd(welcome.masterEndOffset());
        FrameCodec codec = new FrameCodec(welcome.version());
        acknowledge(codec, out);
        while (true) {
            ReplicationFrame frame = codec.read(in);
            if (frame instanceof Data data) {
                append(data, masterTerms);
                listener.masterEnd(Math.max(data.masterEndOffset(), data.endOffset()));
            } else {
                listener.masterEnd(FrameCodec.expect(frame, Heartbeat.class).masterEndOffset());
            }
            acknowledge(codec, out);
        }
    }

    /** Cuts the log where the master says and returns the master's terms this log lacks, oldest first. */
    private ArrayDeque<EpochEntry> adoptCommonPoint(Welcome welcome) {
        boolean gap = welcome.startOffset() > welcome.commonOffset();
        store.truncateTo(gap ? 0 : welcome.commonOffset());
        List<EpochEntry> local = store.epochHistory();
        long lastEpoch = local.isEmpty() ? -1 : local.get(local.size() - 1).epoch();
        ArrayDeque<EpochEntry> lacking = new ArrayDeque<>();
        for (EpochEntry term : welcome.epochs()) {
            if (term.epoch() > lastEpoch) {
                lacking.addLast(term);
            }
        }
        recordReachedTerms(lacking);
        return lacking;
    }

    private void append(Data data, ArrayDeque<EpochEntry> masterTerms) throws ReplicationProtocolException {
        ReplicaAppendStatus status = store.appendReplicated(data.offset(), ByteBuffer.wrap(data.bytes()));
        if (status != ReplicaAppendStatus.APPENDED) {
            throw new ReplicationProtocolException("appending " + data.bytes().length + " bytes at " + data.offset()
                    + " failed: " + status);
        }
        listener.appended(data.bytes().length);
        recordReachedTerms(masterTerms);
    }

    /** Records every master term that starts within this log. */
    private void recordReachedTerms(ArrayDeque<EpochEntry> masterTerms) {
        while (!masterTerms.isEmpty() && masterTerms.peekFirst().startOffset() <= store.commitLogMaxOffset()) {
            store.recordEpoch(masterTerms.pollFirst());
        }
    }

    private void acknowledge(FrameCodec codec, DataOutputStream out) throws IOException {
        codec.write(out, new Ack(store.commitLogMaxOffset()));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing replication socket failed", e);
        }
    }
}
