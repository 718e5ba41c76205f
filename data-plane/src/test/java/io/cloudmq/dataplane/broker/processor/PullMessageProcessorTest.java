package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.file.StateFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullMessageProcessorTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private PullRequestHoldService holds;
    private ConsumerOffsetStore offsets;
    private PullMessageProcessor processor;
    private final List<Long> suggestedFor = new ArrayList<>();
    private long coldAbove = Long.MAX_VALUE;
    private final RequestContext context = new RequestContext(new EmbeddedChannel());

    @BeforeEach
    void openStore() throws Exception {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
        holds = new PullRequestHoldService(Clock.systemUTC(), Duration.ofMillis(50));
        store.addArrivalListener(holds);
        offsets = ConsumerOffsetStore.open(new StateFile(dir.resolve("offsets.json")), NodeJson.mapper(), () -> 0,
                Clock.systemUTC());
        TopicTable topics = new TopicTable();
        GroupTable groups = new GroupTable();
        DesiredState state = new DesiredState(1, List.of(new DesiredTopic("T", 2, 6, "NORMAL", 1024)),
                List.of(new DesiredGroup("G", 16, false, false)));
        topics.apply(state);
        groups.apply(state);
        processor = new PullMessageProcessor(topics, groups, new ClientRegistry(() -> { }), offsets, store, holds,
                new BrokerMetrics(new SimpleMeterRegistry()), true, this::suggest, Clock.systemUTC());
    }

    /** Suggests broker 1 for reads starting more than {@link #coldAbove} bytes behind the end, else the master. */
    private long suggest(long behindBytes) {
        suggestedFor.add(behindBytes);
        return behindBytes > coldAbove ? 1 : 0;
    }

    @AfterEach
    void close() {
        holds.close();
        store.close();
    }

    private static RemotingCommand pull(String group, String topic, int queueId, long offset, int sysFlag,
            String subscription) {
        return RemotingCommand.request(RequestCode.PULL_MESSAGE, HeaderFields.writer()
                .put("consumerGroup", group).put("topic", topic).put("queueId", queueId).put("queueOffset", offset)
                .put("maxMsgNums", 32).put("sysFlag", sysFlag).put("commitOffset", 3).put("suspendTimeoutMillis", 15000)
                .put("subscription", subscription).put("expressionType", "TAG").put("maxMsgBytes", 262144)
                .build());
    }

    private RemotingCommand answer(RemotingCommand request) {
        return processor.process(context, request).toCompletableFuture().join();
    }

    @Test
    void theAnswerNamesTheBrokerSuggestedForHowFarBehindTheReadStarts() {
        coldAbove = 0;
        store.put(TestMessages.message(10, 1));
        store.put(TestMessages.message(20, 2));
        long end = store.commitLogMaxOffset();
        long secondRecord = store.getMessages("T", 0, 1, 1, Integer.MAX_VALUE, tagsCode -> true).messages().get(0)
                .physicalOffset();

        RemotingCommand fromStart = answer(pull("G", "T", 0, 0, 0, null));
        RemotingCommand fromSecond = answer(pull("G", "T", 0, 1, 0, null));

        assertThat(suggestedFor).containsExactly(end, end - secondRecord);
        assertThat(fromStart.extFields()).containsEntry("suggestWhichBrokerId", "1");
        assertThat(fromSecond.extFields()).containsEntry("suggestWhichBrokerId", "1");
        assertThat(answer(pull("G", "T", 0, 2, 0, null)).extFields()).containsEntry("suggestWhichBrokerId", "0");
    }

    @Test
    void refusesUnknownGroupsTopicsAndQueues() {
        assertThat(answer(pull("nobody", "T", 0, 0, 0, null)).code()).isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        assertThat(answer(pull("G", "unknown", 0, 0, 0, null)).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(answer(pull("G", "T", 2, 0, 0, null)).code()).isEqualTo(ResponseCode.INVALID_PARAMETER);
    }

    @Test
    void foundMessagesAreTheStoredRecordsVerbatimWithTheOffsetHeader() {
        store.put(TestMessages.message(10, 1));
        store.put(TestMessages.message(20, 2));

        RemotingCommand response = answer(pull("G", "T", 0, 0, 0x1, null));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("nextBeginOffset", "2").containsEntry("minOffset", "0")
                .containsEntry("maxOffset", "2").containsEntry("suggestWhichBrokerId", "0");
        byte[] expected = concatenate(store.getMessages("T", 0, 0, 32, Integer.MAX_VALUE, tagsCode -> true).messages());
        assertThat(response.body()).isEqualTo(expected);
        assertThat(offsets.committed("T", "G", 0)).as("the piggybacked commit offset").hasValue(3);
    }

    @Test
    void aRangeWithoutMatchingTagsAsksToPullAgainPastIt() {
        store.put(TestMessages.message(10, 1));

        RemotingCommand response = answer(pull("G", "T", 0, 0, 0x4, "tagB || tagC"));

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(response.extFields()).containsEntry("nextBeginOffset", "1");
    }

    @Test
    void anOffsetPastTheEndIsMovedBackToIt() {
        store.put(TestMessages.message(10, 1));

        RemotingCommand response = answer(pull("G", "T", 0, 5, 0, null));

        assertThat(response.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(response.extFields()).containsEntry("nextBeginOffset", "1");
    }

    @Test
    void aCaughtUpPullIsHeldUntilAMatchingMessageArrives() {
        CompletableFuture<RemotingCommand> held = processor.process(context, pull("G", "T", 0, 0, 0x2 | 0x4, "tagA"))
                .toCompletableFuture();
        assertThat(held).isNotDone();

        store.put(TestMessages.message("T", 1, "tagA", "k", "u1", 10, 1));
        assertThat(held).isNotDone();
        store.put(TestMessages.message("T", 0, "tagA", "k", "u2", 10, 2));

        assertThat(held).succeedsWithin(DEADLINE)
                .satisfies(response -> assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS));
    }

    @Test
    void aHeldPullIsAnsweredOffsetMovedAtOnceWhenTheGroupsQueueIsReset() {
        store.put(TestMessages.message(10, 1));
        CompletableFuture<RemotingCommand> held = processor.process(context, pull("G", "T", 0, 1, 0x2, null))
                .toCompletableFuture();
        assertThat(held).isNotDone();

        offsets.reset("T", "G", 0, 0);
        holds.wakeReset("G", "T", 0);

        assertThat(held).succeedsWithin(DEADLINE).satisfies(response -> {
            assertThat(response.code()).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
            assertThat(response.extFields()).containsEntry("nextBeginOffset", "0");
        });
        assertThat(offsets.resetPending("T", "G", 0)).isFalse();
    }

    @Test
    void aCaughtUpPullWithoutSuspendIsAnsweredNotFoundAtOnce() {
        assertThat(answer(pull("G", "T", 0, 0, 0, null)).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
    }

    private static byte[] concatenate(List<StoredMessage> messages) {
        byte[] all = new byte[messages.stream().mapToInt(StoredMessage::size).sum()];
        int position = 0;
        for (StoredMessage message : messages) {
            message.bytes().duplicate().get(all, position, message.size());
            position += message.size();
        }
        return all;
    }
}
