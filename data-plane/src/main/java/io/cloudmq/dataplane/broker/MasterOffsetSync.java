package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.offset.CommittedOffset;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.offset.ReplicatedOffsets;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.DelayOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.store.schedule.ReplicatedScheduleProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's consumer offsets and delayed-message progress: {@link #sync()} asks the
 * master's remoting port for {@code GET_ALL_CONSUMER_OFFSET} and {@code GET_ALL_DELAY_OFFSET} and takes the
 * answers; the broker calls it periodically. (Transaction progress needs no copy: the op records are in the
 * replicated commit log.)
 *
 * <p>Consumer offsets reconcile last-writer-wins in both directions ({@link ConsumerOffsetStore#reconcileWithMaster}):
 * the slave keeps the offsets consumers committed to it while the master was away where they are later writes
 * than the master's, and sends those to the master ({@code MERGE_CONSUMER_OFFSETS}), which takes them unless a
 * reset of the queue is pending there; a master's pending reset replaces the slave's offset. A master whose
 * answer has no versions (an older node) is adopted as before: its offsets win ({@link ConsumerOffsetStore#adopt})
 * and nothing is sent back. Delay progress is adopted ({@link ReplicatedScheduleProgress#adopt}). While the master
 * is unreachable nothing changes. The requests are signed with the operator credential (the master's authorizer
 * treats the three codes as admin codes).
 *
 * <p>Threading: {@link #sync()} from one scheduler thread; {@link #close()} once.
 */
final class MasterOffsetSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MasterOffsetSync.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String masterAddress;
    private final ConsumerOffsetStore offsets;
    private final ReplicatedScheduleProgress scheduleProgress;
    private final UnaryOperator<RemotingCommand> signer;
    private final RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry());
    private volatile boolean failing;

    /**
     * @param masterAddress the master's remoting {@code host:port}
     * @param signer signs the request with the operator credential
     */
    MasterOffsetSync(String masterAddress, ConsumerOffsetStore offsets, ReplicatedScheduleProgress scheduleProgress,
            UnaryOperator<RemotingCommand> signer) {
        this.masterAddress = masterAddress;
        this.offsets = offsets;
        this.scheduleProgress = scheduleProgress;
        this.signer = signer;
    }

    /**
     * Reconciles the consumer offsets with the master's and adopts its delay progress; a failure is logged once
     * until the next success.
     */
    void sync() {
        call(RemotingCommand.request(RequestCode.GET_ALL_CONSUMER_OFFSET, Map.of()))
                .thenCompose(body -> reconcile(RemotingJson.decode(body, ConsumerOffsetTable.class)))
                .thenCompose(ignored -> call(RemotingCommand.request(RequestCode.GET_ALL_DELAY_OFFSET, Map.of())))
                .thenAccept(body -> adoptScheduleProgress(RemotingJson.decode(body, DelayOffsetTable.class)))
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        failing = false;
                    } else if (!failing) {
                        failing = true;
                        log.warn("reconciling consumer offsets and delay progress with master {} failed, retrying: {}",
                                masterAddress, failure.toString());
                    }
                });
    }

    /** Merges the master's offsets and sends the master those kept here as newer; completes when it took them. */
    private CompletableFuture<?> reconcile(ConsumerOffsetTable masters) {
        Map<String, Map<Integer, CommittedOffset>> entries = ReplicatedOffsets.entriesOf(masters);
        if (masters.versionTable() == null) {
            offsets.adopt(entries);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Map<Integer, CommittedOffset>> newer = offsets.reconcileWithMaster(entries,
                Objects.requireNonNullElse(masters.resetTable(), Map.of()));
        if (newer.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        log.info("sending master {} the offsets of {} topic/group pairs committed here later", masterAddress,
                newer.size());
        return call(RemotingCommand.request(RequestCode.MERGE_CONSUMER_OFFSETS, Map.of())
                .withBody(RemotingJson.encode(ReplicatedOffsets.tableOf(newer))));
    }

    /** Sends {@code unsigned} signed; the body of the master's SUCCESS answer. */
    private CompletableFuture<byte[]> call(RemotingCommand unsigned) {
        RemotingCommand request = signer.apply(unsigned);
        return client.invoke(masterAddress, request, TIMEOUT).thenApply(response -> {
            if (response.code() != ResponseCode.SUCCESS) {
                throw new IllegalStateException("master answered " + response.code() + " " + response.remark());
            }
            return response.body();
        });
    }

    private void adoptScheduleProgress(DelayOffsetTable table) {
        try {
            scheduleProgress.adopt(table.offsetTable());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
