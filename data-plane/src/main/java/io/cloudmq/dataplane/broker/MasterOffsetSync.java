package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's consumer offsets and delayed-message progress: {@link #sync()} asks the
 * master's remoting port for {@code GET_ALL_CONSUMER_OFFSET} and {@code GET_ALL_DELAY_OFFSET} and adopts the
 * answers ({@link ConsumerOffsetStore#adopt}, {@link ReplicatedScheduleProgress#adopt}); the broker calls it
 * periodically. (Transaction progress needs no copy: the op records are in the replicated commit log.) While the master is unreachable nothing is adopted, so offsets consumers commit
 * to the slave meanwhile stay until the master answers again (its values then win; reconciling by
 * version is issue 7's failover step). The requests are signed with the operator credential (the master's
 * authorizer treats both codes as admin codes).
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

    /** Fetches the master's offsets and delay progress and adopts them; a failure is logged once until the next success. */
    void sync() {
        fetch(RequestCode.GET_ALL_CONSUMER_OFFSET).thenAccept(body ->
                        offsets.adopt(RemotingJson.decode(body, ConsumerOffsetTable.class).offsetTable()))
                .thenCompose(ignored -> fetch(RequestCode.GET_ALL_DELAY_OFFSET))
                .thenAccept(body -> adoptScheduleProgress(RemotingJson.decode(body, DelayOffsetTable.class)))
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        failing = false;
                    } else if (!failing) {
                        failing = true;
                        log.warn("fetching consumer offsets and delay progress from master {} failed, retrying: {}",
                                masterAddress, failure.toString());
                    }
                });
    }

    private CompletableFuture<byte[]> fetch(int code) {
        RemotingCommand request = signer.apply(RemotingCommand.request(code, Map.of()));
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
