package io.cloudmq.dataplane.broker.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.schedule.DelayLevels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParkedRetriesTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T04:00:00Z"));
    /** Delivery progress of level 1; every other level has delivered nothing. */
    private final AtomicLong levelOneProgress = new AtomicLong();
    private DefaultMessageStore store;
    private ParkedRetries parked;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store"), clock));
        parked = new ParkedRetries(store, DelayLevels.DEFAULT.count(),
                level -> level == 1 ? levelOneProgress.get() : 0, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static IncomingMessage delayed(String topic, String uniqueId, int level) {
        IncomingMessage plain = TestMessages.message(topic, 0, "tagA", "k", uniqueId, 20, uniqueId.hashCode());
        return new IncomingMessage(topic, 0, 0, plain.body(), plain.properties() + "DELAY\u0001" + level + "\u0002", 0,
                plain.bornTimestamp(), plain.bornHost(), 1, 0);
    }

    @Test
    void countsTheUndeliveredParkedMessagesOfEachRetryTopicOverAllLevels() {
        store.put(delayed("%RETRY%G", "U1", 1));
        store.put(delayed("%RETRY%G", "U2", 1));
        store.put(delayed("%RETRY%G", "U3", 3));
        store.put(delayed("%RETRY%H", "U4", 3));
        store.put(delayed("orders", "U5", 3));
        levelOneProgress.set(1);

        assertThat(parked.of("%RETRY%G")).as("one of level 1 delivered already").isEqualTo(2);
        assertThat(parked.of("%RETRY%H")).isEqualTo(1);
        assertThat(parked.of("orders")).as("not a retry topic").isZero();
    }

    @Test
    void theCountsAreScannedAgainOncePerRefreshPeriod() {
        store.put(delayed("%RETRY%G", "U1", 2));
        assertThat(parked.of("%RETRY%G")).isEqualTo(1);

        store.put(delayed("%RETRY%G", "U2", 2));
        assertThat(parked.of("%RETRY%G")).as("within the refresh period").isEqualTo(1);

        clock.advanceMillis(ParkedRetries.REFRESH.toMillis());
        assertThat(parked.of("%RETRY%G")).isEqualTo(2);
    }
}
