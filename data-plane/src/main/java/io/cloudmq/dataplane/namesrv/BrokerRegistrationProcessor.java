package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.BodyChecksum;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.RegisterBrokerBody;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerResponseHeader;
import io.cloudmq.dataplane.remoting.protocol.header.UnregisterBrokerRequestHeader;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * {@code REGISTER_BROKER} (103) and {@code UNREGISTER_BROKER} (104), spec §2.4. A registration body is
 * checked against {@code bodyCrc32} when that is non-zero; compressed bodies (a broker option that is off
 * by default) are refused with {@code SYSTEM_ERROR}. Thread-safe (state lives in the {@link RouteTable}).
 */
final class BrokerRegistrationProcessor implements SyncRequestProcessor {
    private final RouteTable routes;
    private final Duration defaultTimeout;

    BrokerRegistrationProcessor(RouteTable routes, Duration defaultTimeout) {
        this.routes = routes;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        return request.code() == RequestCode.REGISTER_BROKER
                ? register(context, request)
                : unregister(request);
    }

    private RemotingCommand register(RequestContext context, RemotingCommand request) {
        RegisterBrokerRequestHeader header = RegisterBrokerRequestHeader.fromExtFields(request.extFields());
        if (header.compressed()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "compressed registration is not supported");
        }
        if (header.bodyCrc32() != 0 && header.bodyCrc32() != BodyChecksum.crc32(request.body())) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "body crc32 does not match");
        }
        Map<String, TopicConfig> topics;
        try {
            topics = request.body().length == 0
                    ? Map.of()
                    : RemotingJson.decode(request.body(), RegisterBrokerBody.class)
                            .topicConfigSerializeWrapper().topicConfigTable();
        } catch (JacksonException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "malformed registration body");
        }
        RegistrationResult result = routes.register(new BrokerRegistration(
                header.clusterName(),
                header.brokerName(),
                header.brokerAddr(),
                header.brokerId(),
                header.haServerAddr(),
                header.enableActingMaster(),
                header.heartbeatTimeoutMillis() == null ? defaultTimeout : Duration.ofMillis(header.heartbeatTimeoutMillis()),
                topics), context.channel());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withExtFields(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()).toExtFields());
    }

    private RemotingCommand unregister(RemotingCommand request) {
        UnregisterBrokerRequestHeader header = UnregisterBrokerRequestHeader.fromExtFields(request.extFields());
        routes.unregister(header.brokerName(), header.brokerAddr(), header.brokerId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
