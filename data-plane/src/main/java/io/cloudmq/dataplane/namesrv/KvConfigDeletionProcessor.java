package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;

/**
 * {@code DELETE_KV_CONFIG} (102): admin tools delete a topic's {@code ORDER_TOPIC_CONFIG} entry after
 * deleting the topic ({@code DefaultMQAdminExt.deleteTopic}). This name server keeps no key-value config,
 * so there is never an entry to remove and the answer is {@code SUCCESS}, as RocketMQ answers for a missing
 * key. Stateless and thread-safe.
 */
final class KvConfigDeletionProcessor implements SyncRequestProcessor {
    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
