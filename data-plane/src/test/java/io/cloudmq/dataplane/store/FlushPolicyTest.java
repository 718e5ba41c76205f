package io.cloudmq.dataplane.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.cloudmq.dataplane.store.flush.FlushObserver;
import io.cloudmq.dataplane.store.retention.DiskUsageProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlushPolicyTest {
    private static final DiskUsageProbe HALF_FULL = directory -> 0.5;

    @TempDir
    Path root;

    /** Records every completed fsync: how many, and the highest offset one covered. */
    private static class CountingObserver implements FlushObserver {
        final AtomicInteger fsyncs = new AtomicInteger();
        final AtomicLong covered = new AtomicLong();

        @Override
        public void fsyncCompleted(long coveredOffset) {
            covered.accumulateAndGet(coveredOffset, Math::max);
            fsyncs.incrementAndGet();
        }
    }

    /**
     * A disk whose fsync starts only once every writer still running is parked waiting for one (or after
     * {@link #GATHER_DEADLINE}): the schedule of a real disk, where an fsync is slow compared with a put, made
     * independent of how fast this machine's disk is and how its CPUs happen to be shared. A writer parked
     * with a timeout is one inside the group commit's wait (the put lock parks without one).
     */
    private static final class GatheringObserver extends CountingObserver {
        private static final long GATHER_DEADLINE = TimeUnit.SECONDS.toNanos(1);
        final Set<Thread> runningWriters = ConcurrentHashMap.newKeySet();

        @Override
        public void beforeFsync() {
            long deadline = System.nanoTime() + GATHER_DEADLINE;
            while (!allWaitingForAnFsync() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        private boolean allWaitingForAnFsync() {
            return runningWriters.stream().allMatch(writer -> writer.getState() == Thread.State.TIMED_WAITING);
        }
    }

    /** A disk whose every fsync starts only once {@link #release} was opened (or after 30 s). */
    private static final class HeldDisk extends CountingObserver {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void beforeFsync() throws IOException {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private DefaultMessageStore open(FlushMode mode, Duration interval, Duration syncTimeout, FlushObserver observer) {
        StoreConfig config = TestStores.config(root).withFileSizes(4 * 1024 * 1024, 1000, 1024, 4096).withFlushMode(mode)
                .withFlushInterval(interval, syncTimeout);
        return DefaultMessageStore.open(config, new StoreExtensions(observer, HALF_FULL));
    }

    @Test
    void concurrentSyncFlushPutsShareFsyncsAndEveryAckIsCoveredByAnEarlierFsync() throws Exception {
        GatheringObserver observer = new GatheringObserver();
        int writers = 16;
        int putsPerWriter = 60;
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger uncoveredAcks = new AtomicInteger();
        try (DefaultMessageStore store = open(FlushMode.SYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(30),
                observer)) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    observer.runningWriters.add(Thread.currentThread());
                    start.await();
                    for (int i = 0; i < putsPerWriter; i++) {
                        PutResult result = store.put(TestMessages.message("T", writer, "a", "k", "U", 256, i));
                        long coveredAtAck = observer.covered.get();
                        assertThat(result.status()).isEqualTo(PutStatus.PUT_OK);
                        acks.incrementAndGet();
                        if (coveredAtAck < result.endOffset()) {
                            uncoveredAcks.incrementAndGet();
                        }
                    }
                    observer.runningWriters.remove(Thread.currentThread());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        assertThat(acks.get()).isEqualTo(writers * putsPerWriter);
        assertThat(uncoveredAcks.get()).isZero();
        assertThat(observer.fsyncs.get()).as("fsyncs for %d acks", acks.get()).isPositive()
                .isLessThan(acks.get() / 4);
    }

    @Test
    void asyncSyncFlushPutsFromOneThreadShareFsyncsAndEachIsSettledOnlyAfterAnFsyncCoveringIt() throws Exception {
        HeldDisk observer = new HeldDisk();
        int puts = 200;
        try (DefaultMessageStore store = open(FlushMode.SYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(30),
                observer)) {
            List<PendingPut> pending = new ArrayList<>();
            List<CompletableFuture<Boolean>> coveredWhenSettled = new ArrayList<>();
            for (int i = 0; i < puts; i++) {
                PendingPut put = store.putAsync(TestMessages.message("T", i % 4, "a", "k", "U", 256, i));
                pending.add(put);
                long end = put.appended().endOffset();
                coveredWhenSettled.add(put.durability().thenApply(status -> observer.covered.get() >= end));
            }
            assertThat(pending).allSatisfy(put -> assertThat(put.durability()).isNotDone());
            observer.release.countDown();

            for (int i = 0; i < puts; i++) {
                assertThat(pending.get(i).durability().get(30, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
                assertThat(coveredWhenSettled.get(i).get(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(observer.fsyncs.get()).as("fsyncs for %d puts from one thread", puts).isBetween(1, 2);
        }
    }

    @Test
    void syncFlushPutWhoseFsyncMissesTheDeadlineGetsFlushDiskTimeout() throws Exception {
        HeldDisk slowDisk = new HeldDisk();
        try (DefaultMessageStore store = open(FlushMode.SYNC_FLUSH, Duration.ofHours(1), Duration.ofMillis(100),
                slowDisk)) {
            PutResult result = store.put(TestMessages.message(10, 1));
            slowDisk.release.countDown();

            assertThat(result.status()).isEqualTo(PutStatus.FLUSH_DISK_TIMEOUT);
            assertThat(result.stored()).isTrue();
            assertThat(store.getByPhysicalOffset(result.records().get(0).physicalOffset())).isPresent();
            assertThat(store.put(TestMessages.message(10, 2)).status()).isEqualTo(PutStatus.PUT_OK);
        }
    }

    @Test
    void aFailedFsyncIsNotRetriedAndTurnsTheStoreReadOnly() {
        AtomicBoolean failNext = new AtomicBoolean(true);
        CountingObserver attempts = new CountingObserver();
        FlushObserver failingDisk = new FlushObserver() {
            @Override
            public void beforeFsync() throws IOException {
                attempts.fsyncs.incrementAndGet();
                if (failNext.getAndSet(false)) {
                    throw new IOException("EIO");
                }
            }
        };
        try (DefaultMessageStore store = open(FlushMode.SYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(10),
                failingDisk)) {
            PutResult first = store.put(TestMessages.message(10, 1));

            assertThat(first.status()).isEqualTo(PutStatus.FLUSH_DISK_TIMEOUT);
            assertThat(store.isWritable()).isFalse();
            assertThat(store.put(TestMessages.message(10, 2)).status()).isEqualTo(PutStatus.NOT_WRITEABLE);
            assertThat(store.getMessages("T", 0, 0, 10, 1 << 20, TagFilter.ALL).messages()).hasSize(1);
            assertThat(attempts.fsyncs.get()).isEqualTo(1);
        }
        assertThat(root.resolve("abort")).exists();
    }

    @Test
    void asyncFlushAcknowledgesFirstAndTheFlusherCoversThePutWithinItsInterval() {
        CountingObserver observer = new CountingObserver();
        try (DefaultMessageStore store = open(FlushMode.ASYNC_FLUSH, Duration.ofMillis(20), Duration.ofSeconds(5),
                observer)) {
            PutResult result = store.put(TestMessages.message(10, 1));

            assertThat(result.status()).isEqualTo(PutStatus.PUT_OK);
            await().atMost(Duration.ofSeconds(10)).until(() -> observer.covered.get() >= result.endOffset());
        }
    }
}
