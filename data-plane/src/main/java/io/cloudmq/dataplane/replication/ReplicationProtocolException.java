package io.cloudmq.dataplane.replication;

import java.io.IOException;

/** A peer sent bytes that break the replication protocol; the connection is dropped. */
public final class ReplicationProtocolException extends IOException {
    public ReplicationProtocolException(String message) {
        super(message);
    }
}
