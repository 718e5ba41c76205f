package io.cloudmq.dataplane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentReadWriteTest {
    @TempDir
    Path root;

    @Test
    void readersRacingTheWriterNeverSeeAPartialRecord() throws Exception {
        int messages = 3000;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong lastPhysicalOffset = new AtomicLong(-1);
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(root))) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long seed = r;
                readers.add(pool.submit(() -> read(store, writing, lastPhysicalOffset, new Random(seed))));
            }
            Random random = new Random(42);
            for (int i = 0; i < messages; i++) {
                PutResult result = store.put(TestMessages.message("T", i % 2, "a", "k", "U", 1 + random.nextInt(2000), i));
                lastPhysicalOffset.set(result.records().get(0).physicalOffset());
            }
            writing.set(false);
            long verified = 0;
            for (Future<Long> reader : readers) {
                verified += reader.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(verified).isPositive();
            assertThat(store.maxOffset("T", 0) + store.maxOffset("T", 1)).isEqualTo(messages);
        }
    }

    /** Reads queues and the newest record until the writer stops; returns the records checked. */
    private static long read(MessageStore store, AtomicBoolean writing, AtomicLong lastPhysicalOffset, Random random) {
        long checked = 0;
        long[] next = new long[2];
        while (writing.get()) {
            int queueId = random.nextInt(2);
            GetResult result = store.getMessages("T", queueId, next[queueId], 1 + random.nextInt(32),
                    1 + random.nextInt(64 * 1024), TagFilter.ALL);
            for (StoredMessage message : result.messages()) {
                assertWhole(message);
                checked++;
            }
            if (result.status() == GetStatus.FOUND) {
                next[queueId] = result.nextBeginOffset();
            }
            long newest = lastPhysicalOffset.get();
            if (newest >= 0) {
                assertWhole(store.getByPhysicalOffset(newest).orElseThrow());
                checked++;
            }
        }
        return checked;
    }

    private static void assertWhole(StoredMessage message) {
        assertThat(message.bytes().getInt(0)).isEqualTo(message.size());
        assertThat(RecordCodec.hasValidBodyCrc(message.bytes())).isTrue();
    }
}
