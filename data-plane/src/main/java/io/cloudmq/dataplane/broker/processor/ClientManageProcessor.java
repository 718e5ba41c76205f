package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.client.ConsumerListWarmUp;
import io.cloudmq.dataplane.broker.client.QueueLockTable;
import io.cloudmq.dataplane.broker.client.RebalanceNotifier;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerIdList;
import io.cloudmq.dataplane.remoting.protocol.body.LockBatchRequestBody;
import io.cloudmq.dataplane.remoting.protocol.body.LockBatchResponseBody;
import io.cloudmq.dataplane.remoting.protocol.body.MessageQueue;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Group membership requests (spec §4.3, §4.11, §4.12): {@code UNREGISTER_CLIENT} (35),
 * {@code GET_CONSUMER_LIST_BY_GROUP} (38), {@code LOCK_BATCH_MQ} (41) and {@code UNLOCK_BATCH_MQ} (42).
 * A malformed JSON body is answered with {@code SYSTEM_ERROR} by the dispatcher. A consumer list is answered with
 * {@code SYSTEM_ERROR} while the group has no member here, and while this broker's {@link ConsumerListWarmUp}
 * after a restart lasts (the list may lack members that have not heartbeated yet).
 *
 * <p>Thread-safe.
 */
public final class ClientManageProcessor implements SyncRequestProcessor {
    private final ClientRegistry clients;
    private final RebalanceNotifier notifier;
    private final QueueLockTable locks;
    private final ConsumerListWarmUp warmUp;

    public ClientManageProcessor(ClientRegistry clients, RebalanceNotifier notifier, QueueLockTable locks,
            ConsumerListWarmUp warmUp) {
        this.clients = clients;
        this.notifier = notifier;
        this.locks = locks;
        this.warmUp = warmUp;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.UNREGISTER_CLIENT -> unregister(request);
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerList(request);
            case RequestCode.LOCK_BATCH_MQ -> lock(request);
            case RequestCode.UNLOCK_BATCH_MQ -> unlock(request);
            default -> throw new IllegalArgumentException("not a client management code: " + request.code());
        };
    }

    private RemotingCommand unregister(RemotingCommand request) {
        String clientId = HeaderFields.requireString(request.extFields(), "clientID");
        String producerGroup = request.extField("producerGroup");
        String consumerGroup = request.extField("consumerGroup");
        if (producerGroup != null) {
            clients.unregisterProducer(producerGroup, clientId);
        }
        if (consumerGroup != null && clients.unregisterConsumer(consumerGroup, clientId)) {
            notifier.notifyGroup(consumerGroup);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    private RemotingCommand consumerList(RemotingCommand request) {
        String group = HeaderFields.requireString(request.extFields(), "consumerGroup");
        List<String> ids = clients.consumerIds(group);
        if (ids.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no consumer of group " + group);
        }
        Optional<Duration> warming = warmUp.remaining(group, ids);
        if (warming.isPresent()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "consumer list of " + group
                    + " not complete: the broker restarted and not every member has heartbeated again (at most "
                    + warming.get().toMillis() + " ms more)");
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withBody(RemotingJson.encode(new ConsumerIdList(ids)));
    }

    private RemotingCommand lock(RemotingCommand request) {
        LockBatchRequestBody body = RemotingJson.decode(request.body(), LockBatchRequestBody.class);
        Set<MessageQueue> locked = locks.lock(body.consumerGroup(), body.clientId(), body.mqSet());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                .withBody(RemotingJson.encode(new LockBatchResponseBody(locked)));
    }

    private RemotingCommand unlock(RemotingCommand request) {
        LockBatchRequestBody body = RemotingJson.decode(request.body(), LockBatchRequestBody.class);
        locks.unlock(body.consumerGroup(), body.clientId(), body.mqSet());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
