package io.cloudmq.dataplane.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.StorageException;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.meta.IncompatibleStoreException;
import io.cloudmq.dataplane.store.meta.StoreMeta;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreRecoveryTest {
    @TempDir
    Path root;

    private List<PutResult> fill(DefaultMessageStore store, int count) {
        List<PutResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(store.put(TestMessages.message("T", i % 3, "a", "key" + i, "U" + i, 200 + i % 50, i)));
        }
        return results;
    }

    /** Writes {@code bytes} into the commit log right after its last record, as a torn append would. */
    private void writeAtLogEnd(long endOffset, byte[] bytes) throws IOException {
        Path log = lastCommitLogFile();
        long fileStart = Long.parseLong(log.getFileName().toString());
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), endOffset - fileStart);
        }
    }

    private Path lastCommitLogFile() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("commitlog"))) {
            return files.max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    @Test
    void crashRecoveryTruncatesAHalfWrittenRecordAndNewPutsContinueAfterTheLastRecord() throws IOException {
        long end;
        byte[] lastRecord;
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            List<PutResult> results = fill(store, 400);
            end = store.commitLogMaxOffset();
            lastRecord = new byte[results.get(399).records().get(0).size()];
            store.getByPhysicalOffset(results.get(399).records().get(0).physicalOffset()).orElseThrow().bytes()
                    .get(lastRecord);
        }
        byte[] half = new byte[lastRecord.length / 2];
        System.arraycopy(lastRecord, 0, half, 0, half.length);
        writeAtLogEnd(end, half);
        new AbortMarker(root).create();

        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            RecoveryReport report = store.recoveryReport();
            assertThat(report.mode()).isEqualTo(RecoveryMode.CRASH);
            assertThat(report.tornTailTruncated()).isTrue();
            assertThat(report.recoveredOffset()).isEqualTo(end);
            assertThat(store.commitLogMaxOffset()).isEqualTo(end);
            PutResult next = store.put(TestMessages.message("T", 0, "a", "k", "U", 10, 1));
            assertThat(next.records().get(0).physicalOffset()).isEqualTo(end);
            assertThat(next.queueOffset()).isEqualTo(134);
        }
    }

    @Test
    void crashRecoveryTruncatesGarbageAfterTheLastRecord() throws IOException {
        long end;
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            fill(store, 50);
            end = store.commitLogMaxOffset();
        }
        writeAtLogEnd(end, "garbage that is not a record at all".getBytes(StandardCharsets.US_ASCII));
        new AbortMarker(root).create();

        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            assertThat(store.recoveryReport().tornTailTruncated()).isTrue();
            assertThat(store.commitLogMaxOffset()).isEqualTo(end);
            assertThat(store.maxOffset("T", 0) + store.maxOffset("T", 1) + store.maxOffset("T", 2)).isEqualTo(50);
        }
    }

    @Test
    void crashRecoveryRebuildsConsumeQueuesAndIndexPastTheirCheckpoints() throws IOException {
        List<byte[]> before = new ArrayList<>();
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            fill(store, 300);
            for (StoredMessage message : store.getMessages("T", 1, 0, 1000, Integer.MAX_VALUE, TagFilter.ALL)
                    .messages()) {
                before.add(bytes(message.bytes()));
            }
        }
        deleteRecursively(root.resolve("consumequeue"));
        deleteRecursively(root.resolve("index"));
        Checkpoint old = Checkpoint.readFrom(root).orElseThrow();
        new Checkpoint(old.commitLogOffset(), 0, 0, old.lastStoreTimestamp()).writeTo(root);
        new AbortMarker(root).create();

        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            assertThat(store.recoveryReport().mode()).isEqualTo(RecoveryMode.CRASH);
            GetResult rebuilt = store.getMessages("T", 1, 0, 1000, Integer.MAX_VALUE, TagFilter.ALL);
            assertThat(rebuilt.messages()).extracting(m -> bytes(m.bytes())).containsExactlyElementsOf(before);
            assertThat(rebuilt.messages()).hasSize(100);
            assertThat(store.maxOffset("T", 0)).isEqualTo(100);
            assertThat(store.queryByKey("T", "key299", 4)).hasSize(1);
            assertThat(store.queryByUniqueId("T", "U0")).hasSize(1);
        }
    }

    @Test
    void crashRecoveryNeverScansMoreThanTheLastThreeFiles() throws IOException {
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            fill(store, 1200);
        }
        long files;
        try (Stream<Path> listing = Files.list(root.resolve("commitlog"))) {
            files = listing.count();
        }
        Checkpoint old = Checkpoint.readFrom(root).orElseThrow();
        new Checkpoint(0, 0, 0, old.lastStoreTimestamp()).writeTo(root);
        new AbortMarker(root).create();

        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            assertThat(files).isGreaterThan(3);
            assertThat(store.recoveryReport().scannedFrom()).isEqualTo((files - 3) * 64 * 1024);
            assertThat(store.recoveryReport().recoveredOffset()).isEqualTo(old.commitLogOffset());
        }
    }

    @Test
    void cleanShutdownRemovesTheAbortMarkerAndReopensInNormalMode() throws IOException {
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            fill(store, 10);
            assertThat(root.resolve(AbortMarker.FILE_NAME)).exists();
        }

        assertThat(root.resolve(AbortMarker.FILE_NAME)).doesNotExist();
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            assertThat(store.recoveryReport().mode()).isEqualTo(RecoveryMode.NORMAL);
            assertThat(store.recoveryReport().duration().isNegative()).isFalse();
        }
    }

    @Test
    void aStoreOfAnUnknownMajorFormatIsRefused() throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve(StoreMeta.FILE_NAME), "formatVersion=9.0\ncluster=test-cluster\n"
                + "brokerName=broker-a\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DefaultMessageStore.open(TestStores.config(root)))
                .isInstanceOf(StorageException.class)
                .hasCauseInstanceOf(IncompatibleStoreException.class);
    }

    @Test
    void aSecondStoreOnTheSameDirectoryIsRefused() {
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            assertThatThrownBy(() -> DefaultMessageStore.open(TestStores.config(root)))
                    .isInstanceOf(StorageException.class);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
