package io.cloudmq.dataplane.broker.reset;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.NodeQueueOffset;
import io.cloudmq.api.node.NodeQueueReset;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.file.StateFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetResetsTest {
    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private ConsumerOffsetStore offsets;
    private OffsetResets resets;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T04:00:00Z"));
    private long secondBatchTime;
    private final List<String> woken = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoBatchesInQueueZero() throws Exception {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store"), clock));
        TopicTable topics = new TopicTable();
        topics.apply(new DesiredState(1, List.of(new DesiredTopic("T", 2, 6, "NORMAL", 1024)),
                List.of(new DesiredGroup("G", 16, false, false))));
        offsets = ConsumerOffsetStore.open(new StateFile(dir.resolve("offsets.json")), NodeJson.mapper(), () -> 0,
                clock);
        resets = new OffsetResets(topics, offsets, store, (group, topic, queueId) -> woken.add(group + "@" + topic + "-" + queueId));
        for (int i = 0; i < 3; i++) {
            store.put(TestMessages.message("T", 0, "a", "k", "U" + i, 4, i));
        }
        clock.advanceMillis(1_000);
        secondBatchTime = clock.millis();
        store.put(TestMessages.message("T", 0, "a", "k", "U3", 4, 3));
        offsets.commit("T", "G", 0, 4);
        offsets.commit("%RETRY%G", "G", 0, 0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPlanCoversEveryQueueOfTheGroupsTopicsButItsRetryTopic() {
        List<NodeQueueReset> plan = resets.plan("G", OffsetResetTarget.EARLIEST, 0);

        assertThat(plan).containsExactly(new NodeQueueReset("T", 0, 4, 0), new NodeQueueReset("T", 1, 0, 0));
    }

    @Test
    void aTimestampResolvesToTheFirstMessageStoredAtOrAfterIt() {
        assertThat(resets.plan("G", "T", OffsetResetTarget.TIMESTAMP, secondBatchTime).get(0).newOffset()).isEqualTo(3);
        assertThat(resets.plan("G", "T", OffsetResetTarget.TIMESTAMP, secondBatchTime - 1).get(0).newOffset())
                .isEqualTo(3);
        assertThat(resets.plan("G", "T", OffsetResetTarget.TIMESTAMP, 0).get(0).newOffset()).isZero();
        assertThat(resets.plan("G", "T", OffsetResetTarget.LATEST, 0).get(0).newOffset()).isEqualTo(4);
    }

    @Test
    void applyingClampsIntoTheQueueAndLeavesAPendingResetForTheNextPull() {
        List<NodeQueueReset> applied = resets.apply("G", List.of(new NodeQueueOffset("T", 0, 99)));

        assertThat(applied).containsExactly(new NodeQueueReset("T", 0, 4, 4));
        assertThat(offsets.takeReset("T", "G", 0)).hasValue(4);
        assertThat(woken).containsExactly("G@T-0");
        resets.apply("G", List.of(new NodeQueueOffset("T", 0, 1)));
        assertThat(offsets.committed("T", "G", 0)).hasValue(1);
    }
}
