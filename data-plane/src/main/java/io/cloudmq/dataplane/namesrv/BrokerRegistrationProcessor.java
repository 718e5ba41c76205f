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
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerResponseHeader;
import io.cloudmq.dataplane.remoting.protocol.header.UnregisterBrokerRequestHeader;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * {@code REGISTER_BROKER} (103) and {@code UNREGISTER_BROKER} (104), spec §2.4. A registration body is
 * checked against {@code bodyCrc32} when that is non-zero; compressed bodies (a broker option that is off
 * by default) are refused with {@code SYSTEM_ERROR}. The broker's leadership epoch travels as the
 * {@code stateVersion} of the body's {@code dataVersion} (the field RocketMQ's own name server compares
 * between registrations of one broker id, so official tools send and tolerate it); a master registration
 * with a stale epoch is answered {@code SYSTEM_ERROR}, remark {@value RegisterBrokerResponseHeader#STALE_EPOCH_REMARK}, with the group's current
 * master in the response header. Thread-safe (state lives in the {@link RouteTable}).
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
        Map<String, TopicConfig> topics = Map.of();
        long epoch = 0;
        try {
            if (request.body().length != 0) {
                TopicConfigSerializeWrapper wrapper = RemotingJson.decode(request.body(), RegisterBrokerBody.class)
                        .topicConfigSerializeWrapper();
                topics = wrapper.topicConfigTable();
                epoch = wrapper.dataVersion() == null ? 0 : wrapper.dataVersion().stateVersion();
            }
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
                epoch,
                header.heartbeatTimeoutMillis() == null ? defaultTimeout : Duration.ofMillis(header.heartbeatTimeoutMillis()),
                topics), context.channel());
        return RemotingCommand.responseTo(request, result.accepted() ? ResponseCode.SUCCESS : ResponseCode.SYSTEM_ERROR,
                        result.accepted() ? null : RegisterBrokerResponseHeader.STALE_EPOCH_REMARK + ": the group's epoch is " + result.groupEpoch())
                .withExtFields(new RegisterBrokerResponseHeader(result.haServerAddr(), result.masterAddr()).toExtFields());
    }

    private RemotingCommand unregister(RemotingCommand request) {
        UnregisterBrokerRequestHeader header = UnregisterBrokerRequestHeader.fromExtFields(request.extFields());
        routes.unregister(header.brokerName(), header.brokerAddr(), header.brokerId());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
