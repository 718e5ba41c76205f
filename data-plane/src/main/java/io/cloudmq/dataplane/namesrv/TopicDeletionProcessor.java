package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.DeleteTopicFromNamesrvRequestHeader;

/**
 * {@code DELETE_TOPIC_IN_NAMESRV} (216), the last step of an admin tool's topic deletion (after the
 * brokers dropped it). Stateless and thread-safe.
 */
final class TopicDeletionProcessor implements SyncRequestProcessor {
    private final RouteTable routes;

    TopicDeletionProcessor(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader header = DeleteTopicFromNamesrvRequestHeader.fromExtFields(request.extFields());
        routes.deleteTopic(header.topic(), header.clusterName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
