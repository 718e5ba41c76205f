package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.offset.ReplicatedOffsets;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;

/**
 * {@code GET_ALL_CONSUMER_OFFSET} (43): every committed consumer offset as a {@link ConsumerOffsetTable}
 * body, with the offsets' versions and the queues with a pending reset ({@link ReplicatedOffsets#answer}). A
 * slave asks its master for it periodically, which is how consumer offsets replicate.
 *
 * <p>Thread-safe; runs on the "other" executor.
 */
public final class AllConsumerOffsetsProcessor implements SyncRequestProcessor {
    private final ConsumerOffsetStore offsets;

    public AllConsumerOffsetsProcessor(ConsumerOffsetStore offsets) {
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withBody(RemotingJson.encode(ReplicatedOffsets.answer(offsets)));
    }
}
