package io.cloudmq.dataplane.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.file.MappedFileQueue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogTest {
    private static final int FILE_SIZE = 1024;

    @TempDir
    Path dir;

    private CommitLog log;

    @BeforeEach
    void open() {
        log = new CommitLog(new MappedFileQueue(dir, FILE_SIZE), TestMessages.STORE_HOST);
    }

    @Test
    void appendedRecordReadsBackWithItsOffsets() throws IOException {
        AppendResult result = log.append(log.encode(List.of(TestMessages.message(50, 1))), 7, 1000L);

        AppendedRecord record = result.records().get(0);
        assertThat(result.status()).isEqualTo(AppendStatus.APPENDED);
        assertThat(record.physicalOffset()).isZero();
        byte[] bytes = log.readRecord(0);
        assertThat(bytes).hasSize(record.size());
        RecordHeader header = RecordCodec.scan(ByteBuffer.wrap(bytes), 0, bytes.length).headerOrThrow();
        assertThat(header.queueOffset()).isEqualTo(7);
        assertThat(header.storeTimestamp()).isEqualTo(1000L);
        assertThat(log.maxOffset()).isEqualTo(record.size());
    }

    @Test
    void aRecordThatDoesNotFitEndsTheFileWithABlankAndGoesToTheNextFile() throws IOException {
        int size = log.append(log.encode(List.of(TestMessages.message(300, 1))), 0, 1L).records().get(0).size();
        log.append(log.encode(List.of(TestMessages.message(300, 2))), 1, 2L);

        AppendedRecord third = log.append(log.encode(List.of(TestMessages.message(300, 3))), 2, 3L).records().get(0);

        assertThat(third.physicalOffset()).isEqualTo(FILE_SIZE);
        RecordScan blank = log.scanAt(2L * size);
        assertThat(blank.status()).isEqualTo(RecordScan.Status.END_OF_FILE);
        assertThat(blank.size()).isEqualTo(FILE_SIZE - 2 * size);
        assertThat(log.lastStoreTimestampOf(log.files().files().get(0))).isEqualTo(2L);
        assertThat(log.lastStoreTimestampOf(log.files().files().get(1))).isEqualTo(3L);
        assertThat(log.readRecord(2L * size)).isNull();
    }

    @Test
    void aBatchAtAFileBoundaryGoesWholeIntoTheNextFile() throws IOException {
        log.append(log.encode(List.of(TestMessages.message(500, 1))), 0, 1L);

        EncodedBatch records = log.encode(
                List.of(TestMessages.message(200, 2), TestMessages.message(200, 3), TestMessages.message(200, 4)));

        AppendResult batch = log.append(records, 1, 2L);

        assertThat(batch.records()).extracting(AppendedRecord::queueOffset).containsExactly(1L, 2L, 3L);
        assertThat(batch.records()).allSatisfy(r -> assertThat(r.physicalOffset() / FILE_SIZE).isEqualTo(1));
        assertThat(batch.records().get(1).physicalOffset()).isEqualTo(batch.records().get(0).endOffset());
    }

    @Test
    void aBatchLargerThanAFileIsRefusedAndWritesNothing() throws IOException {
        AppendResult result = log.append(
                log.encode(List.of(TestMessages.message(600, 1), TestMessages.message(600, 2))), 0, 1L);

        assertThat(result.status()).isEqualTo(AppendStatus.TOO_LARGE_FOR_FILE);
        assertThat(log.maxOffset()).isZero();
    }

    @Test
    void readsOfUnwrittenOrMisalignedOffsetsFindNothing() throws IOException {
        int size = log.append(log.encode(List.of(TestMessages.message(50, 1))), 0, 1L).records().get(0).size();

        assertThat(log.readRecord(size)).isNull();
        assertThat(log.readRecord(8)).isNull();
        assertThat(log.read(0, size + 1)).isNull();
    }

    @Test
    void scanOfAnAppendedRecordChecksItsCrc() throws IOException {
        log.append(log.encode(List.of(TestMessages.message(50, 1))), 0, 1L);

        assertThat(log.scanAt(0).status()).isEqualTo(RecordScan.Status.RECORD);
        assertThat(log.flush()).isEqualTo(log.maxOffset());
        assertThat(log.flushedOffset()).isEqualTo(log.maxOffset());
    }
}
