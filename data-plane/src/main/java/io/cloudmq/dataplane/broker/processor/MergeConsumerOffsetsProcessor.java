package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.offset.ReplicatedOffsets;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code MERGE_CONSUMER_OFFSETS} (60043, private): a slave's committed offsets that are newer than its
 * master's, in a {@link ConsumerOffsetTable} body with versions; the master takes each that is a later write
 * than its own unless a reset of the queue is pending ({@link ConsumerOffsetStore#learnFromSlave}) and answers
 * {@code SUCCESS} without a body. Registered on masters; an operator credential is required.
 *
 * <p>Thread-safe; runs on the "other" executor.
 */
public final class MergeConsumerOffsetsProcessor implements SyncRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(MergeConsumerOffsetsProcessor.class);

    private final ConsumerOffsetStore offsets;

    public MergeConsumerOffsetsProcessor(ConsumerOffsetStore offsets) {
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        ConsumerOffsetTable table = RemotingJson.decode(request.body(), ConsumerOffsetTable.class);
        int taken = offsets.learnFromSlave(ReplicatedOffsets.entriesOf(table));
        if (taken > 0) {
            log.info("took {} consumer offsets from slave {}, later writes than its own", taken,
                    context.channel().remoteAddress());
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
