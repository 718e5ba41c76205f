package io.cloudmq.dataplane.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatcherTest {

    @Test
    void actsOnEndOfInputAfterDiscardingWhatCameBefore() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);

        Thread watcher = ParentWatcher.watch(
                new ByteArrayInputStream("ignored input".getBytes(StandardCharsets.UTF_8)), gone::countDown);

        assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watcher.isDaemon()).isTrue();
    }

    @Test
    void keepsWaitingWhileTheParentHoldsThePipeOpen() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        try (PipedOutputStream parent = new PipedOutputStream()) {
            PipedInputStream stdin = new PipedInputStream(parent);
            ParentWatcher.watch(stdin, gone::countDown);
            parent.write(1);

            assertThat(gone.await(200, TimeUnit.MILLISECONDS)).isFalse();
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThat(gone.await(10, TimeUnit.SECONDS)).as("closing the pipe counts as the parent's exit").isTrue();
    }
}
