package io.cloudmq.dataplane.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.broker.offset.CommittedOffset;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.offset.ReplicatedOffsets;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.file.StateFile;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeConsumerOffsetsProcessorTest {
    private static final long COMMIT_TIME = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final RequestContext context = new RequestContext(new EmbeddedChannel());
    private ConsumerOffsetStore master;
    private MergeConsumerOffsetsProcessor processor;

    @BeforeEach
    void openMasterStore() throws Exception {
        master = ConsumerOffsetStore.open(new StateFile(dir.resolve("offsets.json")), NodeJson.mapper(), () -> 1,
                new TestClock(Instant.ofEpochMilli(COMMIT_TIME)));
        processor = new MergeConsumerOffsetsProcessor(master);
    }

    @Test
    void theMasterTakesTheSlavesLaterCommitsAndKeepsAPendingReset() {
        master.commit("T", "G", 0, 3);
        master.reset("T", "G", 1, 2);

        RemotingCommand response = processor.handle(context, merge(Map.of("T@G", Map.of(
                0, new CommittedOffset(8, 1, COMMIT_TIME + 1),
                1, new CommittedOffset(9, 1, COMMIT_TIME + 1)))));

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(master.committed("T", "G", 0)).hasValue(8);
        assertThat(master.committed("T", "G", 1)).as("the pending reset wins").hasValue(2);
    }

    @Test
    void theMasterKeepsItsOwnLaterCommit() {
        master.commit("T", "G", 0, 3);

        processor.handle(context, merge(Map.of("T@G", Map.of(0, new CommittedOffset(8, 1, COMMIT_TIME - 1)))));

        assertThat(master.committed("T", "G", 0)).hasValue(3);
    }

    private static RemotingCommand merge(Map<String, Map<Integer, CommittedOffset>> entries) {
        return RemotingCommand.request(RequestCode.MERGE_CONSUMER_OFFSETS, Map.of())
                .withBody(RemotingJson.encode(ReplicatedOffsets.tableOf(entries)));
    }
}
