package io.cloudmq.dataplane.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.namesrv.MutableClock;
import io.cloudmq.dataplane.remoting.protocol.body.MessageQueue;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueLockTableTest {
    private static final MessageQueue Q0 = new MessageQueue("T", "b", 0);
    private static final MessageQueue Q1 = new MessageQueue("T", "b", 1);

    private final MutableClock clock = new MutableClock();
    private final QueueLockTable locks = new QueueLockTable(clock, Duration.ofSeconds(60));

    @Test
    void aQueueHeldByAnotherClientIsNotGrantedUntilItsLockExpires() {
        assertThat(locks.lock("G", "c1", Set.of(Q0))).containsExactly(Q0);
        assertThat(locks.lock("G", "c2", Set.of(Q0, Q1))).containsExactly(Q1);
        assertThat(locks.lock("G", "c1", Set.of(Q0))).as("the holder refreshes its lock").containsExactly(Q0);

        clock.advance(Duration.ofSeconds(61));

        assertThat(locks.lock("G", "c2", Set.of(Q0))).containsExactly(Q0);
    }

    @Test
    void unlockReleasesOnlyTheCallersLocks() {
        locks.lock("G", "c1", Set.of(Q0));

        locks.unlock("G", "c2", Set.of(Q0));
        assertThat(locks.lock("G", "c2", Set.of(Q0))).isEmpty();

        locks.unlock("G", "c1", Set.of(Q0));
        assertThat(locks.lock("G", "c2", Set.of(Q0))).containsExactly(Q0);
    }

    @Test
    void groupsLockIndependently() {
        locks.lock("G", "c1", Set.of(Q0));

        assertThat(locks.lock("H", "c2", Set.of(Q0))).containsExactly(Q0);
    }
}
