package io.cloudmq.dataplane.replication;

/**
 * Outcome of waiting for a slave under SYNC_MASTER; the send processor maps it to a response code
 * (the record is stored on the master in every case).
 */
public enum ReplicaAckStatus {
    /** A slave confirmed the record (it is in the slave's page cache). */
    REPLICATED,
    /** No slave confirmed it within the ack timeout: {@code FLUSH_SLAVE_TIMEOUT}. */
    FLUSH_SLAVE_TIMEOUT,
    /** No slave was in sync when the put asked: {@code SLAVE_NOT_AVAILABLE}. */
    SLAVE_NOT_AVAILABLE
}
