package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.replication.ReplicaAckStatus;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendMessageProcessorTest {
    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private final TopicTable topics = new TopicTable();
    private final GroupTable groups = new GroupTable();
    private final RequestContext context = new RequestContext(new EmbeddedChannel() {
        @Override
        protected SocketAddress remoteAddress0() {
            return TestMessages.BORN_HOST;
        }
    });

    @BeforeEach
    void openStore() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
        DesiredState state = new DesiredState(1, List.of(new DesiredTopic("T", 4, 6, "NORMAL", 100),
                new DesiredTopic("D", 1, 6, "DELAY", 100)),
                List.of(new DesiredGroup("G", 16, false, false)));
        topics.apply(state);
        groups.apply(state);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SendMessageProcessor processor(boolean master) {
        return processor(master, ReplicaWait.NONE);
    }

    private SendMessageProcessor processor(boolean master, ReplicaWait replicaWait) {
        return new SendMessageProcessor(topics, groups, store, new BrokerMetrics(new SimpleMeterRegistry()),
                (instance, messages) -> true, "local", master, replicaWait, TestMessages.STORE_HOST);
    }

    private RemotingCommand handle(SendMessageProcessor processor, RemotingCommand request) {
        return processor.process(context, request).toCompletableFuture().join();
    }

    static RemotingCommand send(String topic, int queueId, String properties, byte[] body) {
        return RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, HeaderFields.writer()
                .put("a", "PG").put("b", topic).put("c", "TBW102").put("d", 4).put("e", queueId).put("f", 0)
                .put("g", 1_700_000_000_000L).put("h", 0).put("i", properties).put("j", 0).put("k", false)
                .put("m", false).put("n", "another-group").build()).withBody(body);
    }

    @Test
    void aSendItsTopicsMessageTypeDoesNotAcceptIsIllegalWithTheTypeInTheRemark() {
        RemotingCommand delayed = handle(processor(true), send("T", 0, "DELAY\u00012\u0002", new byte[1]));
        RemotingCommand plainRetry = handle(processor(true), send("%RETRY%G", 0, "", new byte[1]));

        assertThat(delayed.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(delayed.remark()).isEqualTo("topic T is a NORMAL topic and does not accept a delayed message");
        assertThat(plainRetry.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(plainRetry.remark()).contains("RETRY topic", "plain message");
        assertThat(store.maxOffset("T", 0)).isZero();
    }

    @Test
    void storesWithClusterAndAGeneratedUniqueIdOnAValidQueue() {
        RemotingCommand response = handle(processor(true), send("T", 6, "TAGS\u0001a\u0002", new byte[] {1, 2}));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extFields()).containsEntry("queueId", "2").containsEntry("queueOffset", "0")
                .containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON", "true");
        long physicalOffset = OffsetMessageId.physicalOffsetOf(response.extField("msgId"));
        ByteBuffer record = store.getByPhysicalOffset(physicalOffset).orElseThrow().bytes();
        RecordHeader header = RecordCodec.scan(record, 0, record.remaining()).headerOrThrow();
        Map<String, String> properties = MessageProperties.parse(header.properties());
        assertThat(properties).containsEntry("TAGS", "a").containsEntry("CLUSTER", "local")
                .containsEntry("UNIQ_KEY", response.extField("transactionId"));
        assertThat(response.extField("transactionId")).hasSize(32);
    }

    @Test
    void aSendTheQuotaRefusesIsFlowControlAndNotStored() {
        List<String> asked = new ArrayList<>();
        SendQuota refusing = (instance, messages) -> {
            asked.add(instance + ":" + messages);
            return false;
        };
        SendMessageProcessor throttled = new SendMessageProcessor(topics, groups, store,
                new BrokerMetrics(new SimpleMeterRegistry()), refusing, "local", true, ReplicaWait.NONE,
                TestMessages.STORE_HOST);

        RemotingCommand response = handle(throttled, send("T", 0, "", new byte[1]));

        assertThat(response.code()).isEqualTo(ResponseCode.FLOW_CONTROL);
        assertThat(asked).containsExactly(":1");
        assertThat(store.maxOffset("T", 0)).isZero();
    }

    @Test
    void aBodyAboveTheTopicsMaximumIsIllegal() {
        assertThat(handle(processor(true), send("T", 0, "", new byte[101])).code())
                .isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
    }

    @Test
    void unknownTopicsRetryTopicsOfUnknownGroupsAndSlavesAreRefused() {
        assertThat(handle(processor(true), send("U", 0, "", new byte[1])).code())
                .isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(handle(processor(true), send("%RETRY%H", 0, "", new byte[1])).code())
                .isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        assertThat(handle(processor(false), send("T", 0, "", new byte[1])).code())
                .isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void timerDeliveryTimesAreRefusedUnlessADelayLevelIsSet() {
        RemotingCommand refused = handle(processor(true), send("T", 0, "TIMER_DELIVER_MS\u00011\u0002", new byte[1]));
        RemotingCommand leveled = handle(processor(true),
                send("D", 0, "TIMER_DELIVER_MS\u00011\u0002DELAY\u00011\u0002", new byte[1]));

        assertThat(refused.code()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL);
        assertThat(refused.remark()).contains("TIMER_DELIVER_MS", "delay level");
        assertThat(leveled.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(store.maxOffset("SCHEDULE_TOPIC_XXXX", 0)).isEqualTo(1);
    }

    @Test
    void aBatchIsStoredAsConsecutiveMessagesWithTheirOwnProperties() {
        byte[] batch = concat(entry("UNIQ_KEY\u0001A\u0002", "one"), entry("UNIQ_KEY\u0001B\u0002", "two"));
        RemotingCommand request = RemotingCommand.request(RequestCode.SEND_BATCH_MESSAGE,
                send("T", 1, null, batch).extFields()).withBody(batch);

        RemotingCommand response = handle(processor(true), request);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.extField("msgId").split(",")).hasSize(2);
        assertThat(response.extField("transactionId")).isEqualTo("A,B");
        assertThat(store.maxOffset("T", 1)).isEqualTo(2);
    }

    @Test
    void aSyncMastersSendIsAnsweredOnlyWhenTheReplicaWaitCompletesWithItsStatusMapped() {
        CompletableFuture<ReplicaAckStatus> replicated = new CompletableFuture<>();
        List<Long> awaited = new ArrayList<>();
        SendMessageProcessor processor = processor(true, endOffset -> {
            awaited.add(endOffset);
            return replicated;
        });

        CompletableFuture<RemotingCommand> answer =
                processor.process(context, send("T", 0, "", new byte[] {1})).toCompletableFuture();

        assertThat(answer).isNotDone();
        assertThat(awaited).containsExactly(store.commitLogMaxOffset());
        replicated.complete(ReplicaAckStatus.REPLICATED);
        assertThat(answer.join().code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aSlaveTimeoutOrNoSlaveInSyncIsAnsweredWithItsCodeAndTheSendHeader() {
        RemotingCommand timeout = handle(processor(true,
                endOffset -> CompletableFuture.completedFuture(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT)),
                send("T", 0, "", new byte[] {1}));
        RemotingCommand noSlave = handle(processor(true,
                endOffset -> CompletableFuture.completedFuture(ReplicaAckStatus.SLAVE_NOT_AVAILABLE)),
                send("T", 0, "", new byte[] {2}));

        assertThat(timeout.code()).isEqualTo(ResponseCode.FLUSH_SLAVE_TIMEOUT);
        assertThat(noSlave.code()).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
        assertThat(noSlave.extField("msgId")).isNotBlank();
        assertThat(noSlave.extField("queueOffset")).isEqualTo("1");
        assertThat(store.maxOffset("T", 0)).as("stored on the master either way").isEqualTo(2);
    }

    private static byte[] entry(String properties, String body) {
        byte[] props = properties.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int size = 20 + bytes.length + 2 + props.length;
        return ByteBuffer.allocate(size).putInt(size).putInt(0).putInt(0).putInt(0).putInt(bytes.length).put(bytes)
                .putShort((short) props.length).put(props).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        return ByteBuffer.allocate(first.length + second.length).put(first).put(second).array();
    }
}
