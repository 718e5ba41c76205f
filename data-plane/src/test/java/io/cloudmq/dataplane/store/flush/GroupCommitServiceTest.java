package io.cloudmq.dataplane.store.flush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
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
