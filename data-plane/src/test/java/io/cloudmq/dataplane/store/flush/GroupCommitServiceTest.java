package io.cloudmq.dataplane.store.flush;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
