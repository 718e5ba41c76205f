package io.cloudmq.dataplane.namesrv;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.function.Predicate;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.remoting.protocol.body.TopicList;
import io.cloudmq.dataplane.remoting.protocol.header.GetRouteInfoRequestHeader;

/**
 * {@code GET_ROUTEINFO_BY_TOPIC} (105), {@code GET_BROKER_CLUSTER_INFO} (106), spec §2.1 and §2.3, and
 * {@code GET_ALL_TOPIC_LIST_FROM_NAMESERVER} (206) for admin tools.
 * An unknown topic is {@code TOPIC_NOT_EXIST}, on which a producer falls back to the {@code TBW102}
 * route if some broker registered it (§2.2). A topic the requester may not see ({@link NameServerAccess})
 * is answered as if it did not exist, and left out of the topic list. Stateless and thread-safe.
 */
final class RouteQueryProcessor implements SyncRequestProcessor {
    private final RouteTable routes;
    private final Function<RemotingCommand, Predicate<String>> visibility;

    RouteQueryProcessor(RouteTable routes, Function<RemotingCommand, Predicate<String>> visibility) {
        this.routes = routes;
        this.visibility = visibility;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        if (request.code() == RequestCode.GET_BROKER_CLUSTER_INFO) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                    .withBody(RemotingJson.encode(routes.clusterInfo()));
        }
        if (request.code() == RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER) {
            Set<String> visible = routes.topics().stream().filter(visibility.apply(request)).collect(Collectors.toSet());
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                    .withBody(RemotingJson.encode(new TopicList(visible, null)));
        }
        String topic = GetRouteInfoRequestHeader.fromExtFields(request.extFields()).topic();
        return routes.route(topic)
                .filter(route -> visibility.apply(request).test(topic))
                .map(route -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                        .withBody(RemotingJson.encode(route)))
                .orElseGet(() -> RemotingCommand.responseTo(
                        request, ResponseCode.TOPIC_NOT_EXIST, "No topic route info in name server for the topic: " + topic));
    }
}
