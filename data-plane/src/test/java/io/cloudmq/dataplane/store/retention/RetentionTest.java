package io.cloudmq.dataplane.store.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoreExtensions;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.flush.FlushObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final int PER_FILE = 200;

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(START);
    private final AtomicReference<Double> diskUsage = new AtomicReference<>(0.5);
    private DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(root, clock).withRetention(Duration.ofHours(72), 4,
                Duration.ofHours(1)), new StoreExtensions(FlushObserver.NONE, directory -> diskUsage.get()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Puts about three and a half files, one hour apart per file. */
    private void fillFourFiles() {
        for (int i = 0; i < 700; i++) {
            store.put(TestMessages.message(200, i));
            if (i % PER_FILE == PER_FILE - 1) {
                clock.advanceMillis(Duration.ofHours(1).toMillis());
            }
        }
    }

    private long commitLogFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("commitlog"))) {
            return files.count();
        }
    }

    @Test
    void expiredFilesWaitForTheDeleteHourWhileTheDiskHasRoom() throws IOException {
        fillFourFiles();
        long files = commitLogFiles();
        clock.set(START.plus(Duration.ofDays(5)).plus(Duration.ofHours(2)));

        assertThat(store.runRetention()).isZero();
        assertThat(commitLogFiles()).isEqualTo(files);
    }

    @Test
    void atTheDeleteHourEveryExpiredFileButTheActiveOneGoesAndQueueMinOffsetsFollow() throws IOException {
        fillFourFiles();
        long files = commitLogFiles();
        clock.set(Instant.parse("2026-01-10T04:30:00Z"));

        int deleted = store.runRetention();

        assertThat(deleted).isEqualTo((int) files - 1);
        assertThat(commitLogFiles()).isEqualTo(1);
        long min = store.minOffset("T", 0);
        assertThat(min).isPositive().isLessThan(700);
        assertThat(store.getMessages("T", 0, 0, 10, 1 << 20, TagFilter.ALL).status())
                .isEqualTo(GetStatus.OFFSET_TOO_SMALL);
        assertThat(store.getMessages("T", 0, min, 10, 1 << 20, TagFilter.ALL).status()).isEqualTo(GetStatus.FOUND);
        assertThat(store.earliestStoreTime("T", 0)).isEqualTo(store.getMessages("T", 0, min, 1, 1 << 20,
                TagFilter.ALL).messages().get(0).storeTimestamp());
    }

    @Test
    void aFileAgesFromItsLastRecordSoOnlyFilesOlderThanTheReservedTimeGoWhenTheDiskIsFull() throws IOException {
        fillFourFiles();
        // about 194 records per file: file 1 ends at START, file 2 at +1 h, file 3 at +2 h; reserved 72 h
        clock.set(START.plus(Duration.ofHours(73)).plus(Duration.ofMinutes(30)));
        diskUsage.set(0.80);

        int deleted = store.runRetention();

        assertThat(deleted).isEqualTo(2);
        assertThat(store.put(TestMessages.message(10, 1)).status()).isEqualTo(PutStatus.PUT_OK);
    }

    @Test
    void aboveTheRefuseRatioPutsAreRefusedAndReadsStillWork() {
        store.put(TestMessages.message(10, 1));
        diskUsage.set(0.95);
        store.runRetention();

        assertThat(store.put(TestMessages.message(10, 2)).status()).isEqualTo(PutStatus.DISK_FULL);
        assertThat(store.getMessages("T", 0, 0, 10, 1 << 20, TagFilter.ALL).messages()).hasSize(1);

        diskUsage.set(0.5);
        store.runRetention();
        assertThat(store.put(TestMessages.message(10, 3)).status()).isEqualTo(PutStatus.PUT_OK);
    }

    @Test
    void theActiveFileIsNeverDeletedEvenWhenExpired() throws IOException {
        store.put(TestMessages.message(10, 1));
        clock.set(Instant.parse("2026-02-01T04:00:00Z"));
        diskUsage.set(0.85);

        assertThat(store.runRetention()).isZero();
        assertThat(commitLogFiles()).isEqualTo(1);
        assertThat(store.maxOffset("T", 0)).isEqualTo(1);
    }
}
