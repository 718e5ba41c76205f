package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * {@code CONSUMER_SEND_MSG_BACK} (36), spec §4.13: loads the failed message by physical offset and
 * re-stores it for {@code %RETRY%<group>} with a delay level, or for {@code %DLQ%<group>} after the
 * group's maximum (see {@link RetryRouting}). Unknown group → 26, unknown offset → 1; a refusal of the
 * store is answered with its code so that the client falls back to re-sending the message itself.
 *
 * <p>Thread-safe; runs on the send executor.
 */
public final class ConsumerSendMsgBackProcessor implements SyncRequestProcessor {
    private final GroupTable groups;
    private final MessageStore store;
    private final RetryRouting routing;
    private final InetSocketAddress storeAddress;
    private final boolean master;

    public ConsumerSendMsgBackProcessor(GroupTable groups, MessageStore store, boolean master,
            InetSocketAddress storeAddress) {
        this.groups = groups;
        this.store = store;
        this.routing = new RetryRouting(groups);
        this.master = master;
        this.storeAddress = storeAddress;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        ConsumerSendMsgBackRequestHeader header = ConsumerSendMsgBackRequestHeader.fromExtFields(request.extFields());
        if (!master) {
            return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, "a slave does not accept send-back");
        }
        if (!groups.exists(header.group())) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group " + header.group() + " does not exist");
        }
        Optional<StoredMessage> failed = store.getByPhysicalOffset(header.offset());
        if (failed.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "no message at physical offset " + header.offset());
        }
        IncomingMessage copy = routing.sendBack(StoredRecords.toIncoming(failed.get().bytes()), header.group(),
                header.delayLevel(), OffsetMessageId.of(storeAddress, header.offset()), header.maxReconsumeTimes());
        PutResult result = store.put(copy);
        return result.stored()
                ? RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null)
                : RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "send-back not stored: " + result.status());
    }
}
