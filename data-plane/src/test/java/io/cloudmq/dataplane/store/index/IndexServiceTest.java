package io.cloudmq.dataplane.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.file.StoreFileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {
    @TempDir
    Path dir;

    private static void put(IndexService index, long physicalOffset, String keys, String uniqueId) throws IOException {
        String properties = "KEYS\u0001" + keys + "\u0002UNIQ_KEY\u0001" + uniqueId + "\u0002";
        index.put(new RecordHeader(100, "T", 0, 0, physicalOffset, 1L, properties), MessageProperties.parse(properties));
    }

    @Test
    void findsKeysAndUniqueIdsNewestFirstAcrossFiles() throws IOException {
        IndexService index = new IndexService(dir, 8, 4);
        for (int i = 0; i < 5; i++) {
            put(index, 100L * i, "k" + (i % 2) + " all", "U" + i);
        }

        assertThat(index.find("T", "all", 10)).containsExactly(400L, 300L, 200L, 100L, 0L);
        assertThat(index.find("T", "k1", 10)).containsExactly(300L, 100L);
        assertThat(index.find("T", "U2", 10)).containsExactly(200L);
        assertThat(index.find("T", "all", 2)).containsExactly(400L, 300L);
        assertThat(index.find("Other", "all", 10)).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).isGreaterThan(1);
        }
    }

    @Test
    void recordsBelowTheIndexedOffsetAreNotIndexedTwice() throws IOException {
        IndexService index = new IndexService(dir, 8, 16);
        put(index, 0, "k", "U0");

        put(index, 0, "k", "U0");

        assertThat(index.find("T", "k", 10)).containsExactly(0L);
        assertThat(index.indexedOffset()).isEqualTo(100);
    }

    @Test
    void recoveryRollsBackEntriesPastTheCheckpointAndReplayRebuildsThem() throws IOException {
        IndexService index = new IndexService(dir, 8, 16);
        for (int i = 0; i < 4; i++) {
            put(index, 100L * i, "k", "U" + i);
        }

        IndexService reopened = new IndexService(dir, 8, 16);
        reopened.load();
        reopened.recover(200);

        assertThat(reopened.find("T", "k", 10)).containsExactly(100L, 0L);
        assertThat(reopened.find("T", "U3", 10)).isEmpty();
        put(reopened, 200, "k", "U2");
        assertThat(reopened.find("T", "k", 10)).containsExactly(200L, 100L, 0L);
    }

    @Test
    void aFileLeftWithoutAHeaderByACrashIsDroppedAndItsRecordsAreIndexedAgain() throws IOException {
        IndexService index = new IndexService(dir, 8, 16);
        for (int i = 0; i < 3; i++) {
            put(index, 100L * i, "k", "U" + i);
        }
        // a crash after the next file was mapped (its size set, all zeros) but before its header was written
        Path halfCreated = dir.resolve(StoreFileNames.of(300));
        Files.write(halfCreated, new byte[32 + 4 * 8 + 16 * 16]);

        IndexService reopened = new IndexService(dir, 8, 16);
        reopened.load();
        reopened.recover(300);

        assertThat(halfCreated).doesNotExist();
        assertThat(reopened.indexedOffset()).isEqualTo(300);
        assertThat(reopened.find("T", "k", 10)).containsExactly(200L, 100L, 0L);
        put(reopened, 300, "k", "U3");
        assertThat(reopened.find("T", "U3", 10)).containsExactly(300L);
    }
}
