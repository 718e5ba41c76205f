package io.cloudmq.dataplane.store.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.file.MappedFileQueue;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsumeQueueTest {
    private static final int ENTRIES_PER_FILE = 4;

    @TempDir
    Path dir;

    private ConsumeQueue queue() {
        return new ConsumeQueue("T", 0, new MappedFileQueue(dir, ENTRIES_PER_FILE * ConsumeQueueEntry.SIZE));
    }

    @Test
    void entriesAreTwentyBytesAndRollAcrossFiles() throws IOException {
        ConsumeQueue queue = queue();
        for (int i = 0; i < 6; i++) {
            queue.put(i, new ConsumeQueueEntry(100L * i, 100, i));
        }

        assertThat(queue.maxOffset()).isEqualTo(6);
        assertThat(queue.entryAt(5)).isEqualTo(new ConsumeQueueEntry(500, 100, 5));
        assertThat(queue.entryAt(6)).isNull();
        assertThat(dir.resolve("00000000000000000080")).exists();
    }

    @Test
    void replayingAnExistingOffsetIsIgnored() throws IOException {
        ConsumeQueue queue = queue();
        queue.put(0, new ConsumeQueueEntry(0, 10, 1));

        queue.put(0, new ConsumeQueueEntry(999, 10, 1));

        assertThat(queue.maxOffset()).isEqualTo(1);
        assertThat(queue.entryAt(0).physicalOffset()).isZero();
    }

    @Test
    void reloadFindsTheEndOfTheLastFile() throws IOException {
        ConsumeQueue queue = queue();
        for (int i = 0; i < 5; i++) {
            queue.put(i, new ConsumeQueueEntry(100L * i, 100, 0));
        }

        MappedFileQueue files = new MappedFileQueue(dir, ENTRIES_PER_FILE * ConsumeQueueEntry.SIZE);
        files.load();
        ConsumeQueue reloaded = new ConsumeQueue("T", 0, files);
        reloaded.recoverEnd();

        assertThat(reloaded.maxOffset()).isEqualTo(5);
    }

    /** Ends before, at and after the 3,276-entry blocks in which unwritten space is skipped; holes span blocks. */
    @ParameterizedTest
    @ValueSource(longs = {2, 3_275, 3_276, 3_277, 6_552, 6_558, 9_999, 10_000})
    void reloadFindsTheEndOfALargeFileWhereverItLies(long end) throws IOException {
        int entriesPerFile = 10_000;
        Path large = dir.resolve("large");
        ConsumeQueue queue = new ConsumeQueue("T", 0,
                new MappedFileQueue(large, entriesPerFile * ConsumeQueueEntry.SIZE));
        queue.put(0, new ConsumeQueueEntry(7, 100, 0));
        queue.put(end - 1, new ConsumeQueueEntry(0, 0, 1));

        MappedFileQueue files = new MappedFileQueue(large, entriesPerFile * ConsumeQueueEntry.SIZE);
        files.load();
        ConsumeQueue reloaded = new ConsumeQueue("T", 0, files);
        reloaded.recoverEnd();

        assertThat(reloaded.maxOffset()).isEqualTo(end);
        assertThat(reloaded.entryAt(end - 1)).isEqualTo(new ConsumeQueueEntry(0, 0, 1));
    }

    @Test
    void truncateRemovesEntriesPointingAtOrBeyondAPhysicalOffset() throws IOException {
        ConsumeQueue queue = queue();
        for (int i = 0; i < 6; i++) {
            queue.put(i, new ConsumeQueueEntry(100L * i, 100, 0));
        }

        queue.truncateFromPhysicalOffset(250);

        assertThat(queue.maxOffset()).isEqualTo(3);
        queue.put(3, new ConsumeQueueEntry(250, 10, 0));
        assertThat(queue.entryAt(3).physicalOffset()).isEqualTo(250);
    }

    @Test
    void deletingBelowAPhysicalOffsetDropsHeadFilesAndRaisesTheMinOffset() throws IOException {
        ConsumeQueue queue = queue();
        for (int i = 0; i < 10; i++) {
            queue.put(i, new ConsumeQueueEntry(100L * i, 100, 0));
        }

        queue.deleteBelowPhysicalOffset(500);

        assertThat(queue.minOffset()).isEqualTo(5);
        assertThat(queue.entryAt(4)).isNull();
        assertThat(dir.resolve("00000000000000000000")).doesNotExist();
        assertThat(queue.maxOffset()).isEqualTo(10);
    }

    @Test
    void aQueueStartingPastZeroHasHolesBelowItsMinOffset() throws IOException {
        ConsumeQueue queue = queue();

        queue.put(6, new ConsumeQueueEntry(0, 10, 0));

        assertThat(queue.minOffset()).isEqualTo(6);
        assertThat(queue.maxOffset()).isEqualTo(7);
    }
}
