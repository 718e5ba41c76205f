package io.cloudmq.dataplane.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetStoreTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(START);

    private ConsumerOffsetStore open() throws IOException {
        return open("consumer-offsets.json", 1, clock);
    }

    private ConsumerOffsetStore open(String fileName, long epoch, Clock clock) throws IOException {
        return ConsumerOffsetStore.open(new StateFile(dir.resolve(fileName)), NodeJson.mapper(), () -> epoch, clock);
    }

    @Test
    void aCommitCarriesTheBrokersEpochAndClock() throws Exception {
        ConsumerOffsetStore store = open("offsets.json", 3, clock);

        store.commit("T", "G", 0, 5);

        assertThat(store.entries())
                .isEqualTo(Map.of("T@G", Map.of(0, new CommittedOffset(5, 3, START.toEpochMilli()))));
    }

    @Test
    void aLaterCommitReplacesAnEarlierOne() throws Exception {
        ConsumerOffsetStore store = open();

        store.commit("T", "G", 1, 5);
        store.commit("T", "G", 1, 9);

        assertThat(store.committed("T", "G", 1)).hasValue(9);
        assertThat(store.committed("T", "G", 2)).isEmpty();
        assertThat(store.committed("T", "other", 1)).isEmpty();
    }

    @Test
    void aSlaveAdoptsAnUnversionedMastersOffsetsAndKeepsQueuesItDoesNotName() throws Exception {
        ConsumerOffsetStore slave = open();
        slave.commit("T", "G", 0, 1);
        slave.commit("T", "G", 1, 4);

        slave.adopt(Map.of("T@G", Map.of(0, CommittedOffset.unversioned(7)),
                "U@H", Map.of(3, CommittedOffset.unversioned(2))));

        assertThat(slave.committed("T", "G", 0)).as("the master's offset wins").hasValue(7);
        assertThat(slave.committed("U", "H", 3)).hasValue(2);
        assertThat(slave.committed("T", "G", 1)).as("not in the master's table").hasValue(4);
        assertThat(slave.snapshot()).isEqualTo(Map.of("T@G", Map.of(0, 7L, 1, 4L), "U@H", Map.of(3, 2L)));
    }

    @Test
    void persistedOffsetsAreReloadedAndUnpersistedOnesAreNot() throws Exception {
        ConsumerOffsetStore store = open();
        store.commit("T", "G", 0, 3);
        store.commit("T@x", "G", 7, 42);
        store.persist();
        store.commit("T", "G", 1, 11);

        ConsumerOffsetStore reopened = open();

        assertThat(reopened.committed("T", "G", 0)).hasValue(3);
        assertThat(reopened.committed("T@x", "G", 7)).hasValue(42);
        assertThat(reopened.committed("T", "G", 1)).isEqualTo(OptionalLong.empty());
        assertThat(reopened.entries().get("T@G")).containsEntry(0, new CommittedOffset(3, 1, START.toEpochMilli()));
    }

    @Test
    void aFileOfFormatOneLoadsEachOffsetWithVersionZeroAndIsRewrittenInFormatTwo() throws Exception {
        Path file = dir.resolve("consumer-offsets.json");
        Files.writeString(file, "{\"formatVersion\":1,\"offsets\":{\"T@G\":{\"0\":12,\"3\":7}}}",
                StandardCharsets.UTF_8);

        ConsumerOffsetStore store = open();
        store.persist();

        assertThat(store.entries()).isEqualTo(Map.of("T@G",
                Map.of(0, CommittedOffset.unversioned(12), 3, CommittedOffset.unversioned(7))));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("{\"formatVersion\":2,")
                .contains("\"0\":{\"offset\":12,\"epoch\":0,\"timeMillis\":0}");
    }

    @Test
    void refusesAFileOfAnotherFormatVersion() throws Exception {
        Files.writeString(dir.resolve("consumer-offsets.json"), "{\"formatVersion\":99,\"offsets\":{}}",
                StandardCharsets.UTF_8);

        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("format version 99");
    }

    @Test
    void refusesAFileThatIsNotJson() throws Exception {
        Files.writeString(dir.resolve("consumer-offsets.json"), "not json", StandardCharsets.UTF_8);

        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("not a valid offset file");
    }

    @Test
    void aResetOverwritesTheCommitAndHoldsOffCommitsUntilTheNextPullTakesIt() throws IOException {
        ConsumerOffsetStore store = open();
        store.commit("T", "G", 0, 30);

        store.reset("T", "G", 0, 10);
        store.commit("T", "G", 0, 31);

        assertThat(store.committed("T", "G", 0)).hasValue(10);
        assertThat(store.takeReset("T", "G", 0)).hasValue(10);
        assertThat(store.takeReset("T", "G", 0)).isEmpty();
        store.commit("T", "G", 0, 12);
        assertThat(store.committed("T", "G", 0)).hasValue(12);
    }

    @Test
    void theTopicsOfAGroupAreThoseItCommittedFor() throws IOException {
        ConsumerOffsetStore store = open();
        store.commit("T1", "G", 0, 1);
        store.commit("%RETRY%G", "G", 0, 1);
        store.commit("T2", "H", 0, 1);

        assertThat(store.topicsOf("G")).containsExactly("%RETRY%G", "T1");
    }
}
