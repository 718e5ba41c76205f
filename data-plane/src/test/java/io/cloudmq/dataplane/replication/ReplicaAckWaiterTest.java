package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplicaAckWaiterTest {
    private static final long MIB = 1024 * 1024;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AtomicLong masterEnd = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReplicaSet replicas = new ReplicaSet(
            ReplicationConfig.defaults(ReplicationKey.of("unused")).withClock(clock).withInSync(new InSyncLimits(MIB, Duration.ofSeconds(2))),
            masterEnd::get, registry);
    private final ReplicaAckWaiter waiter = new ReplicaAckWaiter(replicas, Duration.ofSeconds(3), clock);

    /** A put that moved the master's end to {@code end}, as the sender sees it. */
    private void append(ReplicaProgress slave, long end) {
        masterEnd.set(end);
        replicas.sampleMasterEnd(slave, end);
    }

    /** Lets the 3 s ack timeout pass in two steps: {@code put} is still waiting 1 ms before it. */
    private void expireAtTheDeadline(CompletableFuture<ReplicaAckStatus> put) {
        clock.advanceMillis(2999);
        waiter.expireOverdue();
        assertThat(put).isNotDone();
        clock.advanceMillis(1);
        waiter.expireOverdue();
    }

    @Test
    void withoutAnySlaveAPutIsAnsweredSlaveNotAvailableAtOnce() {
        masterEnd.set(100);

        assertThat(waiter.await(100, false)).isCompletedWithValue(ReplicaAckStatus.SLAVE_NOT_AVAILABLE);
        assertThat(waiter.pendingCount()).isZero();
    }

    @Test
    void aPutCompletesOnceASlaveConfirmsItsEndOffset() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);

        CompletableFuture<ReplicaAckStatus> put = waiter.await(100, false);
        replicas.confirm(slave, 99);
        assertThat(put).isNotDone();
        replicas.confirm(slave, 100);

        assertThat(put).isCompletedWithValue(ReplicaAckStatus.REPLICATED);
        assertThat(waiter.await(60, false)).as("already confirmed").isCompletedWithValue(ReplicaAckStatus.REPLICATED);
    }

    @Test
    void aPutNotConfirmedWithinTheTimeoutIsAnsweredFlushSlaveTimeout() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);
        CompletableFuture<ReplicaAckStatus> put = waiter.await(100, false);

        expireAtTheDeadline(put);

        assertThat(put).isCompletedWithValue(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT);
        replicas.confirm(slave, 100);
        assertThat(put).as("a late confirmation changes nothing").isCompletedWithValue(
                ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT);
    }

    @Test
    void aPutWaitsForAnExpectedSlaveAndIsReplicatedOnceItConfirms() {
        masterEnd.set(100);
        CompletableFuture<ReplicaAckStatus> put = waiter.await(100, true);
        assertThat(put).as("no slave in sync yet, but one is expected").isNotDone();

        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);
        replicas.confirm(slave, 100);

        assertThat(put).isCompletedWithValue(ReplicaAckStatus.REPLICATED);
    }

    @Test
    void aPutWaitingForAnExpectedSlaveThatDoesNotComeIsAnsweredSlaveNotAvailableAtItsDeadline() {
        masterEnd.set(100);
        CompletableFuture<ReplicaAckStatus> put = waiter.await(100, true);

        expireAtTheDeadline(put);

        assertThat(put).isCompletedWithValue(ReplicaAckStatus.SLAVE_NOT_AVAILABLE);
    }

    @Test
    void aSlaveMoreThanTheByteLimitBehindIsNotInSync() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, MIB);
        assertThat(replicas.anyInSync()).isTrue();
        append(slave, MIB + 1);

        assertThat(waiter.await(MIB + 1, false)).isCompletedWithValue(ReplicaAckStatus.SLAVE_NOT_AVAILABLE);
        replicas.confirm(slave, 10);
        assertThat(replicas.anyInSync()).isTrue();
    }

    @Test
    void aSlaveThatHasNotCaughtUpForLongerThanTheTimeLimitIsNotInSync() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);
        clock.advanceMillis(1000);
        append(slave, 200);
        clock.advanceMillis(500);
        append(slave, 300);
        clock.advanceMillis(501);
        assertThat(replicas.lags()).singleElement().satisfies(lag -> {
            assertThat(lag.lagMillis()).isEqualTo(2001);
            assertThat(lag.inSync()).isFalse();
        });
        assertThat(waiter.await(300, false)).isCompletedWithValue(ReplicaAckStatus.SLAVE_NOT_AVAILABLE);

        replicas.confirm(slave, 200);

        assertThat(replicas.lags()).singleElement().satisfies(lag -> {
            assertThat(lag.lagMillis()).as("caught up as of the second sample").isEqualTo(1001);
            assertThat(lag.lagBytes()).isEqualTo(100);
            assertThat(lag.inSync()).isTrue();
        });
    }

    @Test
    void anIdleSlaveThatConfirmedEverythingHasNoLag() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);
        replicas.confirm(slave, 100);
        clock.advanceMillis(60_000);

        assertThat(replicas.lags()).singleElement().satisfies(lag -> {
            assertThat(lag.lagMillis()).isZero();
            assertThat(lag.inSync()).isTrue();
        });
    }

    @Test
    void lagGaugesExistWhileTheSlaveIsConnected() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 300);
        replicas.confirm(slave, 100);
        clock.advanceMillis(1500);

        assertThat(registry.get(ReplicaSet.LAG_BYTES).tag("slave", "s1").gauge().value()).isEqualTo(200);
        assertThat(registry.get(ReplicaSet.LAG_TIME).tag("slave", "s1").gauge().value()).isEqualTo(1.5);
        replicas.remove(slave);
        assertThat(registry.find(ReplicaSet.LAG_BYTES).gauges()).isEmpty();
    }

    @Test
    void closingAnswersWaitingPutsWithFlushSlaveTimeout() {
        ReplicaProgress slave = replicas.register("s1", 0);
        append(slave, 100);
        CompletableFuture<ReplicaAckStatus> put = waiter.await(100, false);

        waiter.close();

        assertThat(put).isCompletedWithValue(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT);
        assertThat(waiter.pendingCount()).isZero();
    }
}
