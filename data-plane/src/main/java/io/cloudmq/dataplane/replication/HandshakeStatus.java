package io.cloudmq.dataplane.replication;

/** The master's verdict on a slave's {@link ReplicationFrame.Hello}, sent as its fixed {@link #code}. */
public enum HandshakeStatus {
    /** Accepted: DATA follows. */
    OK(0),
    /** The version ranges do not overlap. */
    VERSION_UNSUPPORTED(1),
    /** Commit-log file sizes differ, so bytes cannot be appended verbatim. */
    FILE_SIZE_MISMATCH(2),
    /**
     * The slave did not prove the cluster's key ({@link ReplicationKey}): a wrong or missing proof, a HELLO too old
     * or from the future, or a slave older than protocol version 3.
     */
    UNAUTHENTICATED(3);

    private final int code;

    HandshakeStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    static HandshakeStatus ofCode(int code) throws ReplicationProtocolException {
        for (HandshakeStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new ReplicationProtocolException("unknown handshake status " + code);
    }
}
