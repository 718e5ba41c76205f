package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
     * @param sentAtMillis the slave's clock when it wrote the HELLO (version 3; 0 from older slaves)
     * @param proof the slave's {@link ReplicationKey#prove proof} of the cluster's key for {@code slaveName} and
     *     {@code sentAtMillis} (version 3; empty from older slaves)
     */
    record Hello(int minVersion, int maxVersion, long endOffset, int fileSize, List<EpochEntry> epochs,
            String slaveName, long sentAtMillis, byte[] proof) implements ReplicationFrame {
        public Hello {
            epochs = List.copyOf(epochs);
            if (proof.length != 0 && proof.length != ReplicationKey.PROOF_BYTES) {
                throw new IllegalArgumentException("a proof has " + ReplicationKey.PROOF_BYTES + " bytes, not "
                        + proof.length);
            }
            proof = proof.clone();
        }

        /** A HELLO of a slave that does not authenticate (protocol versions 1 and 2). */
        public Hello(int minVersion, int maxVersion, long endOffset, int fileSize, List<EpochEntry> epochs,
                String slaveName) {
            this(minVersion, maxVersion, endOffset, fileSize, epochs, slaveName, 0, new byte[0]);
        }

        @Override
        public byte[] proof() {
            return proof.clone();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Hello that && minVersion == that.minVersion && maxVersion == that.maxVersion
                    && endOffset == that.endOffset && fileSize == that.fileSize && epochs.equals(that.epochs)
                    && slaveName.equals(that.slaveName) && sentAtMillis == that.sentAtMillis
                    && Arrays.equals(proof, that.proof);
        }

        @Override
        public int hashCode() {
            return Objects.hash(minVersion, maxVersion, endOffset, fileSize, epochs, slaveName, sentAtMillis)
                    * 31 + Arrays.hashCode(proof);
        }

        @Override
        public String toString() {
            return "Hello[versions " + minVersion + ".." + maxVersion + ", end " + endOffset + ", file size "
                    + fileSize + ", epochs " + epochs + ", slave " + slaveName + ", sent at " + sentAtMillis
                    + (proof.length == 0 ? ", no proof]" : ", with proof]");
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
