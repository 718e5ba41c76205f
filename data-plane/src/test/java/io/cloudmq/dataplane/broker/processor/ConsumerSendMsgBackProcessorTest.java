package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerSendMsgBackProcessorTest {
    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private final GroupTable groups = new GroupTable();
    private final RequestContext context = new RequestContext(new EmbeddedChannel());
    private ConsumerSendMsgBackProcessor processor;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
        groups.apply(new DesiredState(1, List.of(), List.of(new DesiredGroup("G", 1, false, false))));
        processor = new ConsumerSendMsgBackProcessor(groups, store, true, TestMessages.STORE_HOST);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static RemotingCommand sendBack(String group, long offset) {
        return RemotingCommand.request(RequestCode.CONSUMER_SEND_MSG_BACK, HeaderFields.writer()
                .put("group", group).put("originTopic", "T").put("offset", offset).put("delayLevel", 0)
                .put("originMsgId", "U1").put("maxReconsumeTimes", 16).put("unitMode", false).put("bname", "broker-a")
                .build());
    }

    private MessageExt only(String topic, int queueId) {
        return MessageDecoder.decode(store.getMessages(topic, queueId, 0, 10, Integer.MAX_VALUE, TagFilter.ALL)
                .messages().get(0).bytes(), true, true, true);
    }

    @Test
    void aFailedMessageIsParkedForTheRetryTopicThenDeadAfterTheGroupsMaximum() {
        long original = store.put(TestMessages.message("T", 0, "tagA", "k1", "U1", 30, 1)).records().get(0).physicalOffset();

        RemotingCommand first = processor.handle(context, sendBack("G", original));

        assertThat(first.code()).isEqualTo(ResponseCode.SUCCESS);
        MessageExt parked = only("SCHEDULE_TOPIC_XXXX", 2);
        assertThat(parked.getProperties()).containsEntry("REAL_TOPIC", "%RETRY%G").containsEntry("RETRY_TOPIC", "T")
                .containsEntry("ORIGIN_MESSAGE_ID", OffsetMessageId.of(TestMessages.STORE_HOST, original))
                .containsEntry("UNIQ_KEY", "U1");
        assertThat(parked.getReconsumeTimes()).isEqualTo(1);

        RemotingCommand second = processor.handle(context, sendBack("G", parked.getCommitLogOffset()));

        assertThat(second.code()).isEqualTo(ResponseCode.SUCCESS);
        MessageExt dead = only("%DLQ%G", 0);
        assertThat(dead.getReconsumeTimes()).isEqualTo(2);
        assertThat(dead.getKeys()).isEqualTo("k1");
        assertThat(dead.getProperties()).doesNotContainKey("DELAY");
    }

    @Test
    void anUnknownOffsetOrGroupIsRefusedAndNothingIsStored() {
        long end = store.commitLogMaxOffset();

        assertThat(processor.handle(context, sendBack("G", 123_456)).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(processor.handle(context, sendBack("H", 0)).code())
                .isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
        assertThat(store.commitLogMaxOffset()).isEqualTo(end);
    }
}
