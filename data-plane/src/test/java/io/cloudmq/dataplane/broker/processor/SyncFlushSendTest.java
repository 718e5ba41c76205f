package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.replication.ReplicaAckStatus;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.StoreExtensions;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.flush.FlushMode;
import io.cloudmq.dataplane.store.flush.FlushObserver;
import io.cloudmq.dataplane.store.retention.DiskUsageProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends under SYNC_FLUSH: answered when the fsync covering them completes, without holding the send thread. */
class SyncFlushSendTest {
    @TempDir
    Path dir;

    /** Lets one fsync through per permit. */
    private final Semaphore fsyncPermits = new Semaphore(0);
    private final CountDownLatch fsyncStarted = new CountDownLatch(1);
    private final CountDownLatch fsyncCompleted = new CountDownLatch(1);
    private DefaultMessageStore store;
    private final TopicTable topics = new TopicTable();

    @BeforeEach
    void openStore() {
        FlushObserver gatedDisk = new FlushObserver() {
            @Override
            public void beforeFsync() throws IOException {
                fsyncStarted.countDown();
                try {
                    if (!fsyncPermits.tryAcquire(30, TimeUnit.SECONDS)) {
                        throw new IOException("no permit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }

            @Override
            public void fsyncCompleted(long coveredOffset) {
                fsyncCompleted.countDown();
            }
        };
        store = DefaultMessageStore.open(TestStores.config(dir).withFlushMode(FlushMode.SYNC_FLUSH)
                .withFlushInterval(Duration.ofHours(1), Duration.ofSeconds(30)),
                new StoreExtensions(gatedDisk, (DiskUsageProbe) directory -> 0.5));
        topics.apply(new DesiredState(1, List.of(new DesiredTopic("T", 4, 6, "NORMAL", 100)), List.of()));
    }

    @AfterEach
    void close() {
        fsyncPermits.release(100);
        store.close();
    }

    private CompletableFuture<RemotingCommand> send(ReplicaWait replicaWait, byte body) {
        SendMessageProcessor processor = new SendMessageProcessor(topics, new GroupTable(), store,
                new BrokerMetrics(new SimpleMeterRegistry()), (instance, messages) -> true, "local", true,
                replicaWait, TestMessages.STORE_HOST);
        RequestContext context = new RequestContext(new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return TestMessages.BORN_HOST;
            }
        });
        return processor.process(context, SendMessageProcessorTest.send("T", 0, "", new byte[] {body}))
                .toCompletableFuture();
    }

    @Test
    void theSendThreadReturnsBeforeTheFsyncAndTheAnswerFollowsItsCompletion() throws Exception {
        CompletableFuture<RemotingCommand> first = send(ReplicaWait.NONE, (byte) 1);
        CompletableFuture<RemotingCommand> second = send(ReplicaWait.NONE, (byte) 2);
        assertThat(fsyncStarted.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        fsyncPermits.release(2);

        assertThat(first.get(30, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(second.get(30, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(second.get().extField("queueOffset")).isEqualTo("1");
    }

    @Test
    void aSyncMastersSendIsAnsweredOnlyWhenBothTheFsyncAndTheSlaveConfirmedIt() throws Exception {
        CompletableFuture<ReplicaAckStatus> slaveConfirmed = new CompletableFuture<>();
        CompletableFuture<RemotingCommand> answer = send(endOffset -> slaveConfirmed, (byte) 1);
        assertThat(fsyncStarted.await(30, TimeUnit.SECONDS)).isTrue();

        slaveConfirmed.complete(ReplicaAckStatus.REPLICATED);
        assertThat(answer).as("slave confirmed, fsync pending").isNotDone();
        fsyncPermits.release();

        assertThat(answer.get(30, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aFlushedSendStillWaitsForTheSlaveAndIsAnsweredWithItsStatus() throws Exception {
        fsyncPermits.release();
        CompletableFuture<ReplicaAckStatus> slaveConfirmed = new CompletableFuture<>();
        CompletableFuture<RemotingCommand> answer = send(endOffset -> slaveConfirmed, (byte) 1);
        assertThat(fsyncCompleted.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(answer).as("fsynced, slave pending").isNotDone();
        slaveConfirmed.complete(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT);
        assertThat(answer.get(30, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.FLUSH_SLAVE_TIMEOUT);
    }
}
