package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.SendKind;
import io.cloudmq.dataplane.broker.metadata.ServedTopic;
import io.cloudmq.dataplane.broker.metadata.TopicMessageType;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.transaction.HalfMessages;
import io.cloudmq.dataplane.replication.ReplicaAckStatus;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.RequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.SendMessageRequestHeader;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.PendingPut;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@code SEND_MESSAGE} (10), {@code SEND_MESSAGE_V2} (310) and {@code SEND_BATCH_MESSAGE} (320), spec §3:
 * checks the topic (served, writable, its message type accepts the send, body within its max size), picks a valid queue, adds the
 * {@code CLUSTER} and (if missing) {@code UNIQ_KEY} properties and stores the message or batch. The
 * header's broker name is not checked (async retries resend the same header to another group).
 * A message to {@code %RETRY%<group>} past the group's maximum goes to {@code %DLQ%<group>} (the client's
 * send-back fallback, {@link RetryRouting}); delayed messages are parked by the store; the prepared part of
 * a transaction is stored as a half message ({@link HalfMessages}).
 * A stored send is answered once both of its waits are over, which run side by side: its durability
 * ({@link PendingPut}: under SYNC_FLUSH an fsync covering it, else {@code FLUSH_DISK_TIMEOUT} (10)) and its
 * {@link ReplicaWait} (on a SYNC_MASTER a slave's confirmation, else {@code FLUSH_SLAVE_TIMEOUT} (12) or
 * {@code SLAVE_NOT_AVAILABLE} (11)), with the usual send header (the message is stored on the master
 * either way; spec §3.6). Answers may leave in another order than their requests came; the client
 * matches them by opaque.
 *
 * <p>Thread-safe; runs on the send executor (registered with backpressure); the answer completes on
 * whichever thread ends the later wait (the store's flushing thread, the replication thread, or the send
 * thread itself when nothing is pending), never blocking a send thread.
 */
public final class SendMessageProcessor implements RequestProcessor {
    private static final int MAX_TOPIC_BYTES = 127;
    private static final String CLUSTER = "CLUSTER";

    private final TopicTable topics;
    private final GroupTable groups;
    private final MessageStore store;
    private final BrokerMetrics metrics;
    private final SendQuota quota;
    private final String cluster;
    private final boolean master;
    private final ReplicaWait replicaWait;
    private final UniqueIds uniqueIds;
    private final RetryRouting retries;

    /** @param replicaWait what a stored send waits for; unused unless {@code master} */
    public SendMessageProcessor(TopicTable topics, GroupTable groups, MessageStore store, BrokerMetrics metrics,
            SendQuota quota, String cluster, boolean master, ReplicaWait replicaWait, InetSocketAddress storeAddress) {
        this.topics = topics;
        this.quota = quota;
        this.groups = groups;
        this.store = store;
        this.metrics = metrics;
        this.cluster = cluster;
        this.master = master;
        this.replicaWait = replicaWait;
        this.uniqueIds = new UniqueIds(storeAddress, System.currentTimeMillis());
        this.retries = new RetryRouting(groups);
    }

    @Override
    public CompletionStage<@Nullable RemotingCommand> process(RequestContext context, RemotingCommand request) {
        SendMessageRequestHeader header = request.code() == RequestCode.SEND_MESSAGE
                ? SendMessageRequestHeader.fromV1(request.extFields())
                : SendMessageRequestHeader.fromV2(request.extFields());
        Optional<ServedTopic> topic = topics.find(header.topic());
        RemotingCommand refusal = check(request, header, topic);
        if (refusal != null) {
            metrics.rejectedSend(header.topic(), header.producerGroup(), refusal.code());
            return CompletableFuture.completedFuture(refusal);
        }
        ServedTopic served = topic.orElseThrow();
        List<IncomingMessage> messages = messages(context, request, header, served.validWriteQueue(header.queueId()));
        long bodyBytes = 0;
        for (IncomingMessage message : messages) {
            if (message.body().length > served.maxMessageSize()) {
                metrics.rejectedSend(header.topic(), header.producerGroup(), ResponseCode.MESSAGE_ILLEGAL);
                return CompletableFuture.completedFuture(RemotingCommand.responseTo(request,
                        ResponseCode.MESSAGE_ILLEGAL, "message body of " + message.body().length
                                + " bytes exceeds the topic's maximum of " + served.maxMessageSize()));
            }
            bodyBytes += message.body().length;
        }
        if (!quota.admit(InstanceLabel.of(header.topic()), messages.size())) {
            metrics.rejectedSend(header.topic(), header.producerGroup(), ResponseCode.FLOW_CONTROL);
            return CompletableFuture.completedFuture(RemotingCommand.responseTo(request, ResponseCode.FLOW_CONTROL,
                    "send quota of instance " + InstanceLabel.of(header.topic()) + " exceeded"));
        }
        long started = System.nanoTime();
        PendingPut put = messages.size() == 1 ? store.putAsync(messages.get(0)) : store.putBatchAsync(messages);
        PutResult appended = put.appended();
        CompletionStage<Durable> durable = put.durability()
                .thenApply(status -> new Durable(status, Duration.ofNanos(System.nanoTime() - started)));
        CompletionStage<ReplicaAckStatus> replicated = appended.status() == PutStatus.PUT_OK
                ? replicaWait.await(appended.endOffset())
                : CompletableFuture.completedFuture(ReplicaAckStatus.REPLICATED);
        String uniqueIds = appended.stored() ? uniqueIds(messages) : "";
        long sendBytes = bodyBytes;
        return durable.thenCombine(replicated, (stored, ack) -> {
            RemotingCommand response = response(request, appended, stored.status(), ack, messages.get(0).queueId(),
                    uniqueIds);
            metrics.sent(header.topic(), header.producerGroup(), response.code(),
                    appended.stored() ? messages.size() : 0, sendBytes, stored.putTime());
            return response;
        });
    }

    /** A put's settled durability and how long the put took until then (the store-put metric). */
    private record Durable(PutStatus status, Duration putTime) {}

    /** The refusal of a send that cannot be stored here, or null. */
    private @Nullable RemotingCommand check(RemotingCommand request, SendMessageRequestHeader header, Optional<ServedTopic> topic) {
        String name = header.topic();
        if (!master) {
            return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, "a slave does not accept sends");
        } else if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            return RemotingCommand.responseTo(request, ResponseCode.INVALID_PARAMETER, "invalid topic name " + name);
        } else if (name.startsWith(TopicTable.RETRY_PREFIX) && !groups.exists(name.substring(TopicTable.RETRY_PREFIX.length()))) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group of " + name + " does not exist");
        } else if (topic.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST, "topic " + name + " does not exist");
        } else if (!topic.get().writable()) {
            return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, "topic " + name + " is not writable");
        } else if (header.batch() && name.startsWith(TopicTable.RETRY_PREFIX)) {
            return RemotingCommand.responseTo(request, ResponseCode.MESSAGE_ILLEGAL, "batch to a retry topic");
        } else if (TimerProperties.requested(header.properties())) {
            return RemotingCommand.responseTo(request, ResponseCode.MESSAGE_ILLEGAL, TimerProperties.REFUSAL);
        }
        return typeRefusal(request, header, topic.get());
    }

    /** The refusal of a send its topic's message type does not accept ({@link TopicMessageType}), or null. */
    private static @Nullable RemotingCommand typeRefusal(RemotingCommand request, SendMessageRequestHeader header,
            ServedTopic topic) {
        SendKind kind = SendKinds.of(header.sysFlag(), header.properties());
        if (topic.messageType().accepts(kind)) {
            return null;
        }
        return RemotingCommand.responseTo(request, ResponseCode.MESSAGE_ILLEGAL, "topic " + header.topic() + " is a "
                + topic.messageType() + " topic and does not accept a " + kind.description() + " message");
    }

    private List<IncomingMessage> messages(RequestContext context, RemotingCommand request,
            SendMessageRequestHeader header, int queueId) {
        InetSocketAddress bornHost = (InetSocketAddress) context.channel().remoteAddress();
        if (request.code() != RequestCode.SEND_BATCH_MESSAGE) {
            return List.of(HalfMessages.toHalf(retries.routeClientRetry(new IncomingMessage(header.topic(), queueId,
                    header.flag(), request.body(), completeProperties(header.properties() == null ? "" : header.properties()),
                    header.sysFlag(), header.bornTimestamp(), bornHost, header.reconsumeTimes(), 0))));
        }
        List<IncomingMessage> messages = new ArrayList<>();
        for (MessageBatchDecoder.BatchEntry entry : MessageBatchDecoder.decode(request.body())) {
            messages.add(new IncomingMessage(header.topic(), queueId, entry.flag(), entry.body(),
                    completeProperties(entry.properties()), header.sysFlag(), header.bornTimestamp(), bornHost,
                    header.reconsumeTimes(), 0));
        }
        return messages;
    }

    /** Adds {@code CLUSTER} and, if the client sent none, a {@code UNIQ_KEY}. */
    private String completeProperties(String properties) {
        StringBuilder complete = new StringBuilder(properties.length() + 64).append(properties);
        if (!properties.isEmpty() && properties.charAt(properties.length() - 1) != MessageProperties.PROPERTY_SEPARATOR) {
            complete.append(MessageProperties.PROPERTY_SEPARATOR);
        }
        if (MessageProperties.get(properties, MessageProperties.UNIQ_KEY) == null) {
            append(complete, MessageProperties.UNIQ_KEY, uniqueIds.next());
        }
        if (MessageProperties.get(properties, CLUSTER) == null) {
            append(complete, CLUSTER, cluster);
        }
        return complete.toString();
    }

    private static void append(StringBuilder properties, String name, String value) {
        properties.append(name).append(MessageProperties.NAME_VALUE_SEPARATOR).append(value)
                .append(MessageProperties.PROPERTY_SEPARATOR);
    }

    /**
     * The answer once both waits are over: the put's durability ({@code FLUSH_DISK_TIMEOUT} wins, as the
     * master's own copy is the weaker guarantee) and the slave's confirmation.
     */
    private static RemotingCommand response(RemotingCommand request, PutResult appended, PutStatus durability,
            ReplicaAckStatus ack, int queueId, String uniqueIds) {
        int code = switch (durability) {
            case PUT_OK -> switch (ack) {
                case REPLICATED -> ResponseCode.SUCCESS;
                case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
                case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
            };
            case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> ResponseCode.MESSAGE_ILLEGAL;
            case DISK_FULL, NOT_WRITEABLE, SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
        };
        RemotingCommand response = RemotingCommand.responseTo(request, code, code == ResponseCode.SUCCESS ? null
                : durability == PutStatus.PUT_OK ? ack.name() : durability.name());
        if (!appended.stored()) {
            return response;
        }
        return response.withExtFields(HeaderFields.writer()
                .put("msgId", appended.joinedOffsetMessageIds())
                .put("queueId", queueId)
                .put("queueOffset", appended.queueOffset())
                .put("transactionId", uniqueIds)
                .put("MSG_REGION", "DefaultRegion")
                .put("TRACE_ON", "true")
                .build());
    }

    /** The messages' unique ids joined by commas (the response's {@code transactionId}). */
    private static String uniqueIds(List<IncomingMessage> messages) {
        return messages.stream()
                .map(message -> MessageProperties.get(message.properties(), MessageProperties.UNIQ_KEY))
                .reduce((first, second) -> first + "," + second).orElse("");
    }
}
