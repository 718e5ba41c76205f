package io.cloudmq.dataplane.store.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GroupCommitServiceTest {
    @Test
    void afterARewindBytesWrittenAgainBelowTheOldFlushedOffsetNeedANewFsync() throws InterruptedException {
        AtomicLong written = new AtomicLong(100);
        AtomicInteger fsyncs = new AtomicInteger();
        GroupCommitService service = new GroupCommitService(() -> {
            fsyncs.incrementAndGet();
            return written.get();
        }, e -> { });
        service.start();
        try {
            assertThat(service.awaitFlushed(100, Duration.ofSeconds(10))).isTrue();
            assertThat(fsyncs).hasValue(1);

            service.rewindTo(40);
            written.set(80);

            assertThat(service.awaitFlushed(80, Duration.ofSeconds(10))).isTrue();
            assertThat(fsyncs).hasValue(2);
        } finally {
            service.close();
        }
    }

    @Test
    void putsThatQueueDuringAnFsyncAreAllReleasedByTheNextOne() throws Exception {
        AtomicLong written = new AtomicLong(10);
        AtomicInteger fsyncs = new AtomicInteger();
        CountDownLatch firstFsyncRunning = new CountDownLatch(1);
        CountDownLatch finishFirstFsync = new CountDownLatch(1);
        GroupCommitService service = new GroupCommitService(() -> {
            long covered = written.get();
            if (fsyncs.incrementAndGet() == 1) {
                firstFsyncRunning.countDown();
                awaitQuietly(finishFirstFsync);
            }
            return covered;
        }, e -> { });
        service.start();
        try {
            FutureTask<Boolean> first = startWaiting(service, 10, new ArrayList<>());
            assertThat(firstFsyncRunning.await(10, TimeUnit.SECONDS)).isTrue();
            written.set(80);
            List<FutureTask<Boolean>> queued = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (long offset = 20; offset <= 80; offset += 10) {
                queued.add(startWaiting(service, offset, threads));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> threads.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
            finishFirstFsync.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (FutureTask<Boolean> put : queued) {
                assertThat(put.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(fsyncs).hasValue(2);
        } finally {
            service.close();
        }
    }

    @Test
    void aFlushedFutureCompletesOnTheFlushingThreadOnlyOnceAnFsyncCoveringItCompleted() throws Exception {
        CountDownLatch fsyncRunning = new CountDownLatch(1);
        CountDownLatch finishFsync = new CountDownLatch(1);
        AtomicInteger completedFsyncs = new AtomicInteger();
        GroupCommitService service = new GroupCommitService(() -> {
            fsyncRunning.countDown();
            awaitQuietly(finishFsync);
            completedFsyncs.incrementAndGet();
            return 30;
        }, e -> { });
        service.start();
        try {
            CompletableFuture<Boolean> first = service.flushed(10, Duration.ofSeconds(10));
            CompletableFuture<Boolean> second = service.flushed(30, Duration.ofSeconds(10));
            CompletableFuture<Integer> fsyncsSeenByFirst = first.thenApply(covered -> completedFsyncs.get());
            CompletableFuture<String> completingThread = second.thenApply(covered -> Thread.currentThread().getName());
            assertThat(fsyncRunning.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            finishFsync.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fsyncsSeenByFirst.get()).isEqualTo(1);
            assertThat(completingThread.get()).isEqualTo("group-commit");
            assertThat(service.flushed(30, Duration.ofSeconds(10))).isCompletedWithValue(true);
        } finally {
            service.close();
        }
    }

    @Test
    void aFlushedFutureCompletesUncoveredAfterItsTimeoutWhileTheFsyncStillHangs() throws Exception {
        CountDownLatch finishFsync = new CountDownLatch(1);
        GroupCommitService service = new GroupCommitService(() -> {
            awaitQuietly(finishFsync);
            return 10;
        }, e -> { });
        service.start();
        try {
            CompletableFuture<Boolean> put = service.flushed(10, Duration.ofMillis(50));

            assertThat(put.get(10, TimeUnit.SECONDS)).isFalse();
            assertThat(finishFsync.getCount()).as("the fsync is still running").isEqualTo(1);
        } finally {
            finishFsync.countDown();
            service.close();
        }
    }

    @Test
    void aFailedFsyncCompletesEveryPendingWaitUncoveredAfterTheFailureHandlerRan() throws Exception {
        AtomicBoolean handlerRan = new AtomicBoolean();
        GroupCommitService service = new GroupCommitService(() -> {
            throw new IOException("EIO");
        }, e -> handlerRan.set(true));
        service.start();
        try {
            CompletableFuture<Boolean> handlerSeen = service.flushed(10, Duration.ofSeconds(10))
                    .thenApply(covered -> !covered && handlerRan.get());

            assertThat(handlerSeen.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(service.flushed(20, Duration.ofSeconds(10))).isCompletedWithValue(false);
        } finally {
            service.close();
        }
    }

    private static FutureTask<Boolean> startWaiting(GroupCommitService service, long offset, List<Thread> threads) {
        FutureTask<Boolean> put = new FutureTask<>(() -> service.awaitFlushed(offset, Duration.ofSeconds(10)));
        Thread thread = new Thread(put);
        threads.add(thread);
        thread.start();
        return put;
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
