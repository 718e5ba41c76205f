package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.ServedTopic;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.RequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.header.PullMessageRequestHeader;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * {@code PULL_MESSAGE} (11) and {@code LITE_PULL_MESSAGE} (361), spec §4.5–4.7: checks group, topic and
 * queue, stores a piggybacked commit offset, reads the queue with the subscription's tag filter and answers
 * with the stored records copied verbatim into the body. A pull that finds nothing new and may suspend is
 * held by the {@link PullRequestHoldService} until a message arrives or its suspend time is over. The first
 * pull of a queue after a server-side offset reset answers {@code PULL_OFFSET_MOVED} with the reset offset
 * (spec §4.15) and its piggybacked commit is dropped; a pull held when the reset comes is woken and answered so
 * at once. Every answer names the broker for the queue's next pull
 * ({@link PullSuggestion}).
 *
 * <p>Thread-safe; runs on the pull executor, re-runs of held pulls on the hold service's thread.
 */
public final class PullMessageProcessor implements RequestProcessor {
    /** Most messages and bytes one pull returns (the client cannot cap bytes for lite pull; spec §4.6). */
    static final int MAX_MESSAGES = 32;
    static final int MAX_BYTES = 256 * 1024;
    /** Longest hold, below the clients' 30 s timeout minus the hold check interval. */
    static final long MAX_SUSPEND_MILLIS = 20_000;

    private final TopicTable topics;
    private final GroupTable groups;
    private final ClientRegistry clients;
    private final ConsumerOffsetStore offsets;
    private final MessageStore store;
    private final PullRequestHoldService holds;
    private final BrokerMetrics metrics;
    private final boolean master;
    private final PullSuggestion suggestion;
    private final Clock clock;

    /** @param suggestion which broker the answers name for the next pull ({@code suggestWhichBrokerId}) */
    public PullMessageProcessor(TopicTable topics, GroupTable groups, ClientRegistry clients, ConsumerOffsetStore offsets,
            MessageStore store, PullRequestHoldService holds, BrokerMetrics metrics, boolean master,
            PullSuggestion suggestion, Clock clock) {
        this.topics = topics;
        this.groups = groups;
        this.clients = clients;
        this.offsets = offsets;
        this.store = store;
        this.holds = holds;
        this.metrics = metrics;
        this.master = master;
        this.suggestion = suggestion;
        this.clock = clock;
    }

    @Override
    public CompletionStage<@Nullable RemotingCommand> process(RequestContext context, RemotingCommand request) {
        PullMessageRequestHeader header = PullMessageRequestHeader.fromExtFields(request.extFields());
        RemotingCommand refusal = check(request, header);
        if (refusal != null) {
            metrics.pulled(header.topic(), header.consumerGroup(), refusal.code(), 0, 0);
            return CompletableFuture.completedFuture(refusal);
        }
        RemotingCommand moved = takeReset(request, header);
        if (moved != null) {
            return CompletableFuture.completedFuture(moved);
        }
        if (header.has(PullMessageRequestHeader.FLAG_COMMIT_OFFSET) && master) {
            offsets.commit(header.topic(), header.consumerGroup(), header.queueId(), header.commitOffset());
        }
        TagFilter filter = header.has(PullMessageRequestHeader.FLAG_SUBSCRIPTION)
                ? SubscriptionFilters.ofExpression(header.subscription())
                : clients.subscription(header.consumerGroup(), header.topic()).map(SubscriptionFilters::of)
                        .orElse(TagFilter.ALL);
        RemotingCommand response = pull(request, header, filter);
        if (response.code() != ResponseCode.PULL_NOT_FOUND || !header.has(PullMessageRequestHeader.FLAG_SUSPEND)) {
            return CompletableFuture.completedFuture(response);
        }
        CompletableFuture<@Nullable RemotingCommand> answer = new CompletableFuture<>();
        long deadline = clock.millis() + Math.min(header.suspendTimeoutMillis(), MAX_SUSPEND_MILLIS);
        holds.hold(new PullRequestHoldService.HeldPull(header.consumerGroup(), header.topic(), header.queueId(),
                header.queueOffset(), filter, deadline, context.channel(),
                () -> answerHeld(answer, request, header, filter)),
                () -> store.maxOffset(header.topic(), header.queueId()));
        if (master && offsets.resetPending(header.topic(), header.consumerGroup(), header.queueId())) {
            holds.wakeReset(header.consumerGroup(), header.topic(), header.queueId());
        }
        return answer;
    }

    /**
     * Answers a held pull: the reset offset if a reset came meanwhile, else the pull run again; a failure is
     * answered ({@code SYSTEM_ERROR}) rather than leaving the pull open.
     */
    private void answerHeld(CompletableFuture<@Nullable RemotingCommand> answer, RemotingCommand request,
            PullMessageRequestHeader header, TagFilter filter) {
        try {
            RemotingCommand moved = takeReset(request, header);
            answer.complete(moved != null ? moved : pull(request, header, filter));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The answer to the first pull of a queue after a server-side reset on a master, null without one. */
    private @Nullable RemotingCommand takeReset(RemotingCommand request, PullMessageRequestHeader header) {
        OptionalLong reset = master ? offsets.takeReset(header.topic(), header.consumerGroup(), header.queueId())
                : OptionalLong.empty();
        return reset.isPresent() ? offsetReset(request, header, reset.getAsLong()) : null;
    }

    /** The first pull after a server-side reset (spec §4.15): the consumer is told to continue at the reset offset. */
    private RemotingCommand offsetReset(RemotingCommand request, PullMessageRequestHeader header, long offset) {
        metrics.pulled(header.topic(), header.consumerGroup(), ResponseCode.PULL_OFFSET_MOVED, 0, 0);
        return RemotingCommand.responseTo(request, ResponseCode.PULL_OFFSET_MOVED, "offset reset to " + offset)
                .withExtFields(HeaderFields.writer()
                        .put("nextBeginOffset", offset)
                        .put("minOffset", store.minOffset(header.topic(), header.queueId()))
                        .put("maxOffset", store.maxOffset(header.topic(), header.queueId()))
                        .put("suggestWhichBrokerId", suggestion.brokerIdFor(0))
                        .build());
    }

    private @Nullable RemotingCommand check(RemotingCommand request, PullMessageRequestHeader header) {
        Optional<ServedTopic> topic = topics.find(header.topic());
        if (!groups.exists(header.consumerGroup())) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                    "consumer group " + header.consumerGroup() + " does not exist");
        } else if (topic.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "topic " + header.topic() + " does not exist");
        } else if (!topic.get().readable()) {
            return RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION,
                    "topic " + header.topic() + " is not readable");
        } else if (header.queueId() < 0 || header.queueId() >= topic.get().config().readQueueNums()) {
            return RemotingCommand.responseTo(request, ResponseCode.INVALID_PARAMETER,
                    "queue " + header.queueId() + " of " + header.topic() + " does not exist");
        } else if ("SQL92".equals(header.expressionType())) {
            return RemotingCommand.responseTo(request, ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                    "SQL92 filtering is not supported");
        }
        return null;
    }

    private RemotingCommand pull(RemotingCommand request, PullMessageRequestHeader header, TagFilter filter) {
        GetResult result = store.getMessages(header.topic(), header.queueId(), header.queueOffset(),
                Math.min(header.maxMsgNums(), MAX_MESSAGES), Math.min(header.maxMsgBytes(), MAX_BYTES), filter);
        int code = switch (result.status()) {
            case FOUND -> ResponseCode.SUCCESS;
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            case OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
            case NO_MESSAGE_IN_QUEUE -> header.queueOffset() == 0 ? ResponseCode.PULL_NOT_FOUND
                    : ResponseCode.PULL_OFFSET_MOVED;
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY -> ResponseCode.PULL_OFFSET_MOVED;
        };
        RemotingCommand response = RemotingCommand.responseTo(request, code, result.status().name())
                .withExtFields(HeaderFields.writer()
                        .put("nextBeginOffset", result.nextBeginOffset())
                        .put("minOffset", result.minOffset())
                        .put("maxOffset", result.maxOffset())
                        .put("suggestWhichBrokerId", suggestion.brokerIdFor(behindBytes(result)))
                        .build());
        if (code != ResponseCode.SUCCESS) {
            metrics.pulled(header.topic(), header.consumerGroup(), code, 0, 0);
            return response;
        }
        byte[] body = new byte[result.totalBytes()];
        int position = 0;
        for (StoredMessage message : result.messages()) {
            int size = message.size();
            message.bytes().duplicate().get(body, position, size);
            position += size;
        }
        metrics.pulled(header.topic(), header.consumerGroup(), code, result.messages().size(), body.length);
        return response.withBody(body);
    }

    /** How far the records found start behind the commit log's end; 0 when none were found. */
    private long behindBytes(GetResult result) {
        return result.messages().isEmpty() ? 0
                : Math.max(0, store.commitLogMaxOffset() - result.messages().get(0).physicalOffset());
    }
}
