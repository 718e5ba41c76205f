package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.DelayOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET_ALL_DELAY_OFFSET} (45): the delayed-message progress as a {@link DelayOffsetTable} body — a master's
 * own, a slave's copy of its master's. A slave asks its master for it periodically, which is how the progress
 * replicates.
 *
 * <p>Thread-safe if the progress source is; runs on the "other" executor.
 */
public final class AllDelayOffsetsProcessor implements SyncRequestProcessor {
    private final Supplier<Map<Integer, Long>> progress;

    public AllDelayOffsetsProcessor(Supplier<Map<Integer, Long>> progress) {
        this.progress = progress;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withBody(RemotingJson.encode(new DelayOffsetTable(progress.get())));
    }
}
