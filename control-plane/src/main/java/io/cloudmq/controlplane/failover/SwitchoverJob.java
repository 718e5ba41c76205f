package io.cloudmq.controlplane.failover;

import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.failover.SwitchoverJobView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A switchover job and its state machine: PENDING → DRAINING → PROMOTING (epoch chosen) → REJOINING →
 * SUCCEEDED, or FAILED from any non-terminal state. A transition from the wrong state is a bug
 * ({@link IllegalStateException}). Not thread-safe: one runner thread advances a job.
 */
@Entity
@Table(name = "switchover_jobs")
class SwitchoverJob {
    private static final int MAX_DETAIL = 500;

    @Id
    private UUID id;

    private String clusterId;
    private String brokerName;
    private String fromNodeId;
    private String toNodeId;

    @Enumerated(EnumType.STRING)
    private SwitchoverJobState state;

    private @Nullable Long epoch;
    private @Nullable String detail;
    private Instant createdAt;
    private Instant updatedAt;

    protected SwitchoverJob() {
        // for JPA
        this.id = new UUID(0, 0);
        this.clusterId = "";
        this.brokerName = "";
        this.fromNodeId = "";
        this.toNodeId = "";
        this.state = SwitchoverJobState.PENDING;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    SwitchoverJob(UUID id, String clusterId, String brokerName, String fromNodeId, String toNodeId, Instant now) {
        this.id = id;
        this.clusterId = clusterId;
        this.brokerName = brokerName;
        this.fromNodeId = fromNodeId;
        this.toNodeId = toNodeId;
        this.state = SwitchoverJobState.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startDraining(Instant now) {
        move(SwitchoverJobState.PENDING, SwitchoverJobState.DRAINING, now);
    }

    /** The master left with its slave holding its end; the slave is promoted in {@code newEpoch}. */
    void drained(long newEpoch, Instant now) {
        move(SwitchoverJobState.DRAINING, SwitchoverJobState.PROMOTING, now);
        this.epoch = newEpoch;
    }

    void promoted(Instant now) {
        move(SwitchoverJobState.PROMOTING, SwitchoverJobState.REJOINING, now);
    }

    void rejoined(Instant now) {
        move(SwitchoverJobState.REJOINING, SwitchoverJobState.SUCCEEDED, now);
    }

    void fail(String why, Instant now) {
        if (state.terminal()) {
            throw new IllegalStateException("switchover " + id + " already ended " + state);
        }
        this.detail = why.length() <= MAX_DETAIL ? why : why.substring(0, MAX_DETAIL);
        this.state = SwitchoverJobState.FAILED;
        this.updatedAt = now;
    }

    private void move(SwitchoverJobState from, SwitchoverJobState to, Instant now) {
        if (state != from) {
            throw new IllegalStateException("switchover " + id + " is " + state + ", not " + from);
        }
        this.state = to;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String clusterId() {
        return clusterId;
    }

    SwitchoverJobView toView() {
        return new SwitchoverJobView(id, brokerName, fromNodeId, toNodeId, state, epoch, detail, createdAt,
                updatedAt);
    }
}
