package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.util.List;

/** The frames of the replication protocol; their byte layouts are in {@link FrameCodec}. */
public sealed interface ReplicationFrame {

    /**
     * Slave → master, first frame of a connection.
     *
     * @param minVersion lowest protocol version the slave speaks
     * @param maxVersion highest protocol version the slave speaks
     * @param endOffset end of the slave's commit log
     * @param fileSize the slave's commit-log file size
     * @param epochs the slave's epoch history, oldest first
     * @param slaveName the slave's name for metrics (version 2; empty from a version-1 slave)
     */
    record Hello(int minVersion, int maxVersion, long endOffset, int fileSize, List<EpochEntry> epochs,
            String slaveName) implements ReplicationFrame {
        public Hello {
            epochs = List.copyOf(epochs);
        }
    }

    /**
     * Master → slave, answer to {@link Hello}.
     *
     * @param version the protocol version both sides speak from now on (0 if refused)
     * @param status whether the master accepts the slave
     * @param commonOffset where the slave's log stops agreeing with the master's: the slave cuts its log there
     * @param startOffset offset of the first DATA chunk; above {@code commonOffset} only when the master
     *     no longer has the bytes in between, and then the slave drops its whole log
     * @param masterEndOffset end of the master's commit log
     * @param epochs the master's epoch history, oldest first
     */
    record Welcome(int version, HandshakeStatus status, long commonOffset, long startOffset, long masterEndOffset,
            List<EpochEntry> epochs) implements ReplicationFrame {
        public Welcome {
            epochs = List.copyOf(epochs);
        }

        static Welcome refused(HandshakeStatus status, long masterEndOffset) {
            return new Welcome(0, status, 0, 0, masterEndOffset, List.of());
        }
    }

    /**
     * Master → slave: raw commit-log bytes (whole records of one file) at {@code offset}.
     *
     * @param offset commit-log offset of the first byte
     * @param masterEndOffset end of the master's log when the chunk was read (version 2; -1 from version 1)
     * @param bytes the records, verbatim
     */
    record Data(long offset, long masterEndOffset, byte[] bytes) implements ReplicationFrame {
        /** Offset after the chunk. */
        public long endOffset() {
            return offset + bytes.length;
        }
    }

    /**
     * Master → slave while there is nothing to send.
     *
     * @param masterEndOffset end of the master's commit log
     */
    record Heartbeat(long masterEndOffset) implements ReplicationFrame {}

    /**
     * Slave → master after every DATA and HEARTBEAT frame.
     *
     * @param confirmedOffset end of the slave's commit log: every byte below it is in the slave's page cache
     */
    record Ack(long confirmedOffset) implements ReplicationFrame {}
}
