package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.client.ClientChannel;
import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.client.RebalanceNotifier;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.HeartbeatData;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.time.Clock;
import tools.jackson.core.JacksonException;

/**
 * {@code HEART_BEAT} (34), spec §4.2: registers or refreshes the client in each of its producer and
 * consumer groups, keeps the consumers' subscriptions, and tells a consumer group to rebalance when its
 * members or subscribed topics changed. The response asks for full (v1) heartbeats.
 *
 * <p>Thread-safe.
 */
public final class HeartbeatProcessor implements SyncRequestProcessor {
    private final ClientRegistry clients;
    private final RebalanceNotifier notifier;
    private final Clock clock;

    public HeartbeatProcessor(ClientRegistry clients, RebalanceNotifier notifier, Clock clock) {
        this.clients = clients;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        HeartbeatData heartbeat;
        try {
            heartbeat = RemotingJson.decode(request.body(), HeartbeatData.class);
        } catch (JacksonException e) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "malformed heartbeat body");
        }
        ClientChannel member = new ClientChannel(context.channel(), heartbeat.clientID(), request.language().name(),
                request.version(), clock.millis());
        for (HeartbeatData.ProducerData producer : heartbeat.producerDataSet()) {
            clients.registerProducer(producer.groupName(), member);
        }
        for (HeartbeatData.ConsumerData consumer : heartbeat.consumerDataSet()) {
            if (clients.registerConsumer(consumer.groupName(), member, consumer.subscriptionDataSet())) {
                notifier.notifyGroup(consumer.groupName());
            }
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withExtFields(HeaderFields.writer().put("IS_SUPPORT_HEART_BEAT_V2", false).build());
    }
}
