package io.cloudmq.controlplane.upgrade;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Row of {@code upgrade_producer_group_failures}: one registered producer group's failed sends on one broker
 * during a window, advanced from the broker's counter each time it is read. Not thread-safe.
 */
@Entity
@Table(name = "upgrade_producer_group_failures")
class FailureTally {
    @EmbeddedId
    private FailureTallyKey key = new FailureTallyKey(new UUID(0, 0), "", "", "");

    @Column(name = "last_counter")
    private long lastCounter;

    @Column(name = "node_started_at")
    private @Nullable Instant nodeStartedAt;

    @Column(name = "failed_sends")
    private long failedSends;

    protected FailureTally() {}

    /** The first reading in a window is the baseline: failures before it are not the window's. */
    FailureTally(FailureTallyKey key, long counter, @Nullable Instant nodeStartedAt) {
        this.key = key;
        this.lastCounter = counter;
        this.nodeStartedAt = nodeStartedAt;
    }

    /** Adds what the counter grew by since the last reading, from the same process or a restarted one. */
    void advance(long counter, @Nullable Instant startedAt) {
        boolean restarted = !Objects.equals(startedAt, nodeStartedAt);
        failedSends += ReportArithmetic.counterIncrease(lastCounter, counter, restarted);
        lastCounter = counter;
        nodeStartedAt = startedAt;
    }

    FailureTallyKey key() {
        return key;
    }

    long failedSends() {
        return failedSends;
    }
}
