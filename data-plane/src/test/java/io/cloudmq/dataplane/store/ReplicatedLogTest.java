package io.cloudmq.dataplane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedLogTest {
    private static final int FILE_SIZE = 64 * 1024;

    @TempDir
    Path masterRoot;
    @TempDir
    Path slaveRoot;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T04:00:00Z"));
    private DefaultMessageStore master;
    private DefaultMessageStore slave;

    @BeforeEach
    void open() {
        master = DefaultMessageStore.open(TestStores.config(masterRoot, clock));
    }

    @AfterEach
    void close() {
        master.close();
        if (slave != null) {
            slave.close();
        }
    }

    /** The slave store, opened on first use (a test may close and reopen it). */
    private DefaultMessageStore slave() {
        if (slave == null) {
            slave = DefaultMessageStore.open(TestStores.config(slaveRoot, clock));
        }
        return slave;
    }

    private void putMessages(DefaultMessageStore store, int count, int bodySize) {
        for (int i = 0; i < count; i++) {
            assertThat(store.put(TestMessages.message("T", i % 2, "tag", "k" + i, "U" + i, bodySize, i)).status())
                    .isEqualTo(PutStatus.PUT_OK);
        }
    }

    /** Copies every chunk from the master's min offset (or the slave's end) to the slave. */
    private List<byte[]> copyAll(int maxBytes) {
        List<byte[]> chunks = new ArrayList<>();
        long offset = slave().commitLogMaxOffset() == 0 ? master.commitLogMinOffset() : slave().commitLogMaxOffset();
        for (byte[] chunk = master.readReplicationChunk(offset, maxBytes); chunk.length > 0;
                chunk = master.readReplicationChunk(offset, maxBytes)) {
            assertThat(slave().appendReplicated(offset, ByteBuffer.wrap(chunk))).isEqualTo(ReplicaAppendStatus.APPENDED);
            chunks.add(chunk);
            offset += chunk.length;
        }
        return chunks;
    }

    @Test
    void chunksHoldWholeRecordsOfOneFileAndTheFileEndsWithItsBlank() {
        putMessages(master, 200, 1000);
        long offset = 0;
        int blanks = 0;
        while (offset < master.commitLogMaxOffset()) {
            byte[] chunk = master.readReplicationChunk(offset, 5000);
            assertThat(chunk).isNotNull().isNotEmpty();
            assertThat(chunk.length).isLessThanOrEqualTo(5000);
            assertThat((offset + chunk.length - 1) / FILE_SIZE).as("chunk stays in one file").isEqualTo(offset / FILE_SIZE);
            if ((offset + chunk.length) % FILE_SIZE == 0) {
                blanks++;
            }
            offset += chunk.length;
        }
        assertThat(offset).isEqualTo(master.commitLogMaxOffset());
        assertThat(blanks).isEqualTo((int) (master.commitLogMaxOffset() / FILE_SIZE));
        assertThat(master.readReplicationChunk(offset, 5000)).isEmpty();
        assertThat(master.readReplicationChunk(offset + 100, 5000)).isNull();
    }

    @Test
    void aRecordLargerThanTheChunkLimitTravelsAlone() {
        putMessages(master, 3, 3000);

        byte[] chunk = master.readReplicationChunk(0, 100);

        assertThat(chunk.length).isEqualTo(master.getByPhysicalOffset(0).orElseThrow().size());
    }

    @Test
    void appendedChunksMakeAByteIdenticalLogWhoseQueuesAndIndexServeReads() {
        putMessages(master, 200, 1000);

        copyAll(7000);

        assertThat(slave().commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
        assertThat(TestStores.wholeCommitLog(slave())).isEqualTo(TestStores.wholeCommitLog(master));
        assertThat(slave().maxOffset("T", 1)).isEqualTo(100);
        GetResult read = slave().getMessages("T", 1, 0, 200, Integer.MAX_VALUE, TagFilter.ALL);
        assertThat(read.messages()).hasSize(100);
        assertThat(slave().queryByUniqueId("T", "U151")).extracting(StoredMessage::physicalOffset)
                .containsExactly(master.queryByUniqueId("T", "U151").get(0).physicalOffset());
    }

    @Test
    void aChunkNotAtTheEndOrDamagedIsRefusedAndNothingIsWritten() {
        putMessages(master, 10, 500);
        byte[] first = master.readReplicationChunk(0, 1500);
        byte[] second = master.readReplicationChunk(first.length, 1500);

        assertThat(slave().appendReplicated(first.length, ByteBuffer.wrap(second)))
                .isEqualTo(ReplicaAppendStatus.OFFSET_MISMATCH);
        byte[] damaged = first.clone();
        damaged[200] ^= 1;
        assertThat(slave().appendReplicated(0, ByteBuffer.wrap(damaged))).isEqualTo(ReplicaAppendStatus.INVALID_DATA);
        assertThat(slave().commitLogMaxOffset()).isZero();
        assertThat(slave().maxOffset("T", 0)).isZero();
    }

    @Test
    void truncateToCutsLogQueuesIndexAndEpochsAndTheCutSurvivesAReopen() {
        slave().recordEpoch(new EpochEntry(1, 0));
        putMessages(slave(), 30, 300);
        long cut = slave().queryByUniqueId("T", "U20").get(0).physicalOffset();
        slave().recordEpoch(new EpochEntry(2, cut));

        slave().truncateTo(cut);

        assertThat(slave().commitLogMaxOffset()).isEqualTo(cut);
        assertThat(slave().maxOffset("T", 0)).isEqualTo(10);
        assertThat(slave().queryByUniqueId("T", "U25")).isEmpty();
        assertThat(slave().epochHistory()).containsExactly(new EpochEntry(1, 0));
        slave.close();
        slave = null;
        assertThat(slave().commitLogMaxOffset()).isEqualTo(cut);
        assertThat(slave().maxOffset("T", 0)).isEqualTo(10);
        PutResult next = slave().put(TestMessages.message("T", 0, "tag", "k", "U-next", 300, 99));
        assertThat(next.records().get(0).physicalOffset()).isEqualTo(cut);
        assertThat(next.queueOffset()).isEqualTo(10);
    }

    @Test
    void anEmptySlaveStartsAtTheFirstFileTheMasterStillHas() {
        putMessages(master, 200, 1000);
        clock.advanceMillis(Duration.ofHours(72).plusMinutes(1).toMillis());
        assertThat(master.runRetention()).isPositive();
        long masterStart = master.commitLogMinOffset();

        copyAll(20_000);

        assertThat(slave().commitLogMinOffset()).isEqualTo(masterStart);
        assertThat(slave().commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
        assertThat(slave().minOffset("T", 0)).isEqualTo(master.minOffset("T", 0)).isPositive();
        assertThat(slave().getMessages("T", 0, master.minOffset("T", 0), 1, Integer.MAX_VALUE, TagFilter.ALL)
                .messages()).hasSize(1);
    }
}
