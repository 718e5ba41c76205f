package io.cloudmq.dataplane.store.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.file.StateFile;
import io.cloudmq.dataplane.store.recovery.AbortMarker;
import io.cloudmq.dataplane.store.recovery.Checkpoint;
import io.cloudmq.dataplane.store.recovery.RecoveryMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleServiceTest {
    @TempDir
    Path root;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private DefaultMessageStore store;
    private StateFile progressFile;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(root.resolve("store"), clock));
        progressFile = new StateFile(root.resolve("schedule-progress.bin"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static IncomingMessage delayed(String uniqueId, int level) {
        IncomingMessage plain = TestMessages.message("T", 2, "tagA", "key-" + uniqueId, uniqueId, 50, uniqueId.hashCode());
        return new IncomingMessage(plain.topic(), plain.queueId(), 0, plain.body(),
                plain.properties() + "DELAY\u0001" + level + "\u0002", 0, plain.bornTimestamp(), plain.bornHost(), 0, 0);
    }

    private List<MessageExt> realMessages() {
        GetResult result = store.getMessages("T", 2, 0, 100, Integer.MAX_VALUE, TagFilter.ALL);
        return result.messages().stream().map(m -> MessageDecoder.decode(m.bytes(), true, true, true)).toList();
    }

    @Test
    void aDelayedMessageIsParkedInItsLevelQueueWithTheDeliverTimeInTheTagSlot() {
        long storeTime = clock.millis();
        store.put(delayed("U1", 2));

        assertThat(store.maxOffset("T", 2)).isZero();
        GetResult parked = store.getMessages(ScheduleTopic.TOPIC, 1, 0, 10, Integer.MAX_VALUE,
                tagsCode -> tagsCode == storeTime + 5_000);
        assertThat(parked.messages()).hasSize(1);
        MessageExt decoded = MessageDecoder.decode(parked.messages().get(0).bytes(), true, true, true);
        assertThat(decoded.getProperties()).containsEntry("REAL_TOPIC", "T").containsEntry("REAL_QID", "2")
                .containsEntry("DELAY", "2");
    }

    @Test
    void levelsAboveTheLastAreClampedToIt() {
        store.put(delayed("U1", 40));

        assertThat(store.maxOffset(ScheduleTopic.TOPIC, DelayLevels.DEFAULT.count() - 1)).isEqualTo(1);
    }

    @Test
    void thePreparedPartOfATransactionIsNotParked() {
        IncomingMessage message = delayed("U1", 1);
        store.put(new IncomingMessage("T", 2, 0, message.body(), message.properties(), 0x4, 1, message.bornHost(), 0, 0));

        assertThat(store.maxOffset("T", 2)).isEqualTo(1);
        assertThat(store.maxOffset(ScheduleTopic.TOPIC, 0)).isZero();
    }

    @Test
    void theDeliverTimeIsRebuiltByCrashRecovery() throws IOException {
        long storeTime = clock.millis();
        store.put(delayed("U1", 3));
        store.close();
        Path storeRoot = root.resolve("store");
        deleteRecursively(storeRoot.resolve("consumequeue"));
        Checkpoint old = Checkpoint.readFrom(storeRoot).orElseThrow();
        new Checkpoint(old.commitLogOffset(), 0, 0, old.lastStoreTimestamp()).writeTo(storeRoot);
        new AbortMarker(storeRoot).create();

        store = DefaultMessageStore.open(TestStores.config(storeRoot, clock));

        assertThat(store.recoveryReport().mode()).isEqualTo(RecoveryMode.CRASH);
        assertThat(store.getMessages(ScheduleTopic.TOPIC, 2, 0, 10, Integer.MAX_VALUE,
                tagsCode -> tagsCode == storeTime + 10_000).messages()).hasSize(1);
    }

    @Test
    void aMessageIsDeliveredWhenItsDelayHasPassedAndNotBefore() throws IOException {
        store.put(delayed("U1", 2));
        ScheduleService service = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);

        clock.advanceMillis(4_999);
        assertThat(service.deliverDue()).isZero();
        assertThat(realMessages()).isEmpty();

        clock.advanceMillis(1);
        assertThat(service.deliverDue()).isEqualTo(1);
        List<MessageExt> delivered = realMessages();
        assertThat(delivered).hasSize(1);
        Map<String, String> properties = delivered.get(0).getProperties();
        assertThat(properties).doesNotContainKey("DELAY").containsEntry("REAL_TOPIC", "T")
                .containsEntry("UNIQ_KEY", "U1").containsEntry("KEYS", "key-U1");
        assertThat(delivered.get(0).getStoreTimestamp()).isEqualTo(clock.millis());
        assertThat(service.deliverDue()).isZero();
    }

    @Test
    void eachLevelDeliversInStoreOrderIndependentlyOfTheOthers() throws IOException {
        store.put(delayed("slow", 3));
        clock.advanceMillis(100);
        store.put(delayed("fast-1", 1));
        store.put(delayed("fast-2", 1));
        ScheduleService service = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);

        clock.advanceMillis(1_000);
        service.deliverDue();
        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).containsExactly("fast-1", "fast-2");

        clock.advanceMillis(9_000);
        service.deliverDue();
        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).containsExactly("fast-1", "fast-2", "slow");
    }

    @Test
    void aRestartedServiceResumesFromThePersistedProgressWithoutRedelivering() throws IOException {
        store.put(delayed("U1", 1));
        ScheduleService first = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        clock.advanceMillis(1_000);
        first.deliverDue();
        store.put(delayed("U2", 1));

        ScheduleService restarted = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        assertThat(restarted.progress(1)).isEqualTo(1);
        clock.advanceMillis(1_000);

        assertThat(restarted.deliverDue()).isEqualTo(1);
        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).containsExactly("U1", "U2");
    }

    @Test
    void deliveriesWhoseProgressWasNotPersistedAreNotStoredAgainAfterARestart() throws IOException {
        store.put(delayed("U1", 1));
        store.put(delayed("U2", 1));
        ScheduleService first = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        clock.advanceMillis(1_000);
        first.deliverDue();
        progressFile.path().toFile().delete();
        store.put(delayed("U3", 1));

        ScheduleService restarted = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        clock.advanceMillis(1_000);
        restarted.deliverDue();

        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).containsExactly("U1", "U2", "U3");
        assertThat(restarted.progress(1)).isEqualTo(3);
    }

    @Test
    void anEarlierRetryRoundWithTheSameIdDoesNotCountAsDelivered() throws IOException {
        IncomingMessage earlierRound = TestMessages.message("T", 2, "tagA", "k", "U1", 50, 1);
        store.put(earlierRound);
        store.put(delayed("U1", 1));

        ScheduleService service = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        clock.advanceMillis(1_000);
        service.deliverDue();

        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).containsExactly("U1", "U1");
    }

    @Test
    void overdueMessagesAreAllDeliveredInOnePassAfterALongPause() throws IOException {
        for (int i = 0; i < 100; i++) {
            store.put(delayed("U" + i, 4));
        }
        ScheduleService service = ScheduleService.open(store, DelayLevels.DEFAULT, clock, progressFile);
        clock.advanceMillis(3_600_000);

        assertThat(service.deliverDue()).isEqualTo(100);
        assertThat(realMessages()).extracting(m -> m.getProperty("UNIQ_KEY")).doesNotHaveDuplicates().hasSize(100);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
