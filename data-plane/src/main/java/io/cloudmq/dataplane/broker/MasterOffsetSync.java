package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's consumer offsets: {@link #sync()} asks the master's remoting port for
 * {@code GET_ALL_CONSUMER_OFFSET} and adopts the answer ({@link ConsumerOffsetStore#adopt}); the broker
 * calls it periodically. While the master is unreachable nothing is adopted, so offsets consumers commit
 * to the slave meanwhile stay until the master answers again (its values then win; reconciling by
 * version is issue 7's failover step). The request is signed with the operator credential (the master's
 * authorizer treats {@code GET_ALL_CONSUMER_OFFSET} as an admin code).
 *
 * <p>Threading: {@link #sync()} from one scheduler thread; {@link #close()} once.
 */
final class MasterOffsetSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MasterOffsetSync.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String masterAddress;
    private final ConsumerOffsetStore offsets;
    private final UnaryOperator<RemotingCommand> signer;
    private final RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry());
    private volatile boolean failing;

    /**
     * @param masterAddress the master's remoting {@code host:port}
     * @param signer signs the request with the operator credential
     */
    MasterOffsetSync(String masterAddress, ConsumerOffsetStore offsets, UnaryOperator<RemotingCommand> signer) {
        this.masterAddress = masterAddress;
        this.offsets = offsets;
        this.signer = signer;
    }

    /** Fetches the master's offsets and adopts them; a failure is logged once until the next success. */
    void sync() {
        RemotingCommand request = signer.apply(RemotingCommand.request(RequestCode.GET_ALL_CONSUMER_OFFSET, Map.of()));
        client.invoke(masterAddress, request, TIMEOUT)
                .thenAccept(this::adopt)
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        failing = false;
                    } else if (!failing) {
                        failing = true;
                        log.warn("fetching consumer offsets from master {} failed, retrying: {}", masterAddress,
                                failure.toString());
                    }
                });
    }

    private void adopt(RemotingCommand response) {
        if (response.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("master answered " + response.code() + " " + response.remark());
        }
        offsets.adopt(RemotingJson.decode(response.body(), ConsumerOffsetTable.class).offsetTable());
    }

    @Override
    public void close() {
        client.close();
    }
}
