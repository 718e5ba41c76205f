package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.store.TagFilter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PullRequestHoldServiceTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final PullRequestHoldService holds = new PullRequestHoldService(Clock.systemUTC(), Duration.ofMillis(50));
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void close() {
        holds.close();
    }

    private PullRequestHoldService.HeldPull held(long offset, TagFilter filter, long deadline, AtomicInteger wakes) {
        return new PullRequestHoldService.HeldPull("G", "T", 0, offset, filter, deadline, channel, wakes::incrementAndGet);
    }

    @Test
    void anArrivalBeyondTheOffsetWakesTheHeldPullOnce() {
        AtomicInteger wakes = new AtomicInteger();
        holds.hold(held(5, TagFilter.ALL, Long.MAX_VALUE, wakes), () -> 5);

        holds.onArrival("T", 1, 6, 0);
        holds.onArrival("T", 0, 5, 0);
        assertThat(holds.heldCount()).isEqualTo(1);

        holds.onArrival("T", 0, 6, 0);
        holds.onArrival("T", 0, 7, 0);

        await().atMost(DEADLINE).until(() -> wakes.get() == 1);
        assertThat(holds.heldCount()).isZero();
    }

    @Test
    void anArrivalTheFilterRejectsKeepsThePullHeld() {
        AtomicInteger wakes = new AtomicInteger();
        holds.hold(held(0, TagFilter.anyOf(Set.of("TagA".hashCode())), Long.MAX_VALUE, wakes), () -> 0);

        holds.onArrival("T", 0, 1, "TagB".hashCode());
        assertThat(holds.heldCount()).isEqualTo(1);

        holds.onArrival("T", 0, 2, "TagA".hashCode());
        await().atMost(DEADLINE).until(() -> wakes.get() == 1);
    }

    @Test
    void aMessageThatArrivedBeforeTheHoldWakesItAtOnce() {
        AtomicInteger wakes = new AtomicInteger();

        holds.hold(held(3, TagFilter.ALL, Long.MAX_VALUE, wakes), () -> 4);

        await().atMost(DEADLINE).until(() -> wakes.get() == 1);
    }

    @Test
    void theDeadlineOrAClosedChannelWakesThePull() {
        AtomicInteger expired = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        holds.hold(held(0, TagFilter.ALL, System.currentTimeMillis() + 100, expired), () -> 0);
        holds.hold(new PullRequestHoldService.HeldPull("G", "T", 1, 0, TagFilter.ALL, Long.MAX_VALUE, channel,
                closed::incrementAndGet), () -> 0);

        await().atMost(DEADLINE).until(() -> expired.get() == 1);
        assertThat(closed).hasValue(0);
        channel.close();
        await().atMost(DEADLINE).until(() -> closed.get() == 1);
    }

    @Test
    void aResetWakesTheGroupsPullsOfTheQueueOnly() {
        AtomicInteger group = new AtomicInteger();
        AtomicInteger otherGroup = new AtomicInteger();
        AtomicInteger otherQueue = new AtomicInteger();
        holds.hold(held(0, TagFilter.ALL, Long.MAX_VALUE, group), () -> 0);
        holds.hold(new PullRequestHoldService.HeldPull("H", "T", 0, 0, TagFilter.ALL, Long.MAX_VALUE, channel,
                otherGroup::incrementAndGet), () -> 0);
        holds.hold(new PullRequestHoldService.HeldPull("G", "T", 1, 0, TagFilter.ALL, Long.MAX_VALUE, channel,
                otherQueue::incrementAndGet), () -> 0);

        holds.wakeReset("G", "T", 0);

        await().atMost(DEADLINE).until(() -> group.get() == 1);
        assertThat(holds.heldCount()).isEqualTo(2);
        assertThat(otherGroup).hasValue(0);
        assertThat(otherQueue).hasValue(0);
    }

    @Test
    void closingAnswersEveryHeldPull() {
        AtomicInteger wakes = new AtomicInteger();
        holds.hold(held(0, TagFilter.ALL, Long.MAX_VALUE, wakes), () -> 0);
        holds.hold(held(1, TagFilter.ALL, Long.MAX_VALUE, wakes), () -> 0);

        holds.close();

        assertThat(wakes).hasValue(2);
    }
}
