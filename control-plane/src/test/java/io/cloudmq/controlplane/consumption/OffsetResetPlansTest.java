package io.cloudmq.controlplane.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.consumergroup.QueueOffsetResetView;
import io.cloudmq.api.node.NodeOffsetResetPlan;
import io.cloudmq.api.node.NodeQueueReset;
import java.time.Instant;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class OffsetResetPlansTest {
    private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");

    @Test
    void movingBackRedeliversAndMovingForwardSkipsTheDistance() {
        PlannedQueue back = new PlannedQueue("i1%orders", "broker-a", 0, 30, 10);
        PlannedQueue forward = new PlannedQueue("i1%orders", "broker-a", 1, 4, 9);
        PlannedQueue unchanged = new PlannedQueue("i1%orders", "broker-a", 2, 7, 7);

        assertThat(back.redelivered()).isEqualTo(20);
        assertThat(back.skipped()).isZero();
        assertThat(forward.skipped()).isEqualTo(5);
        assertThat(forward.redelivered()).isZero();
        assertThat(unchanged.skipped() + unchanged.redelivered()).isZero();
    }

    @Test
    void theBrokersPlansAreMergedInTopicBrokerAndQueueOrder() {
        List<PlannedQueue> merged = OffsetResetPlans.merge(List.of(
                new NodeOffsetResetPlan("broker-b", List.of(new NodeQueueReset("i1%orders", 0, 5, 1))),
                new NodeOffsetResetPlan("broker-a", List.of(new NodeQueueReset("i1%orders", 1, 8, 2),
                        new NodeQueueReset("i1%audit", 0, 3, 3), new NodeQueueReset("i1%orders", 0, 6, 6)))));

        assertThat(merged).extracting(PlannedQueue::wireTopic, PlannedQueue::brokerName, PlannedQueue::queueId)
                .containsExactly(
                        Tuple.tuple("i1%audit", "broker-a", 0),
                        Tuple.tuple("i1%orders", "broker-a", 0),
                        Tuple.tuple("i1%orders", "broker-a", 1),
                        Tuple.tuple("i1%orders", "broker-b", 0));
    }

    @Test
    void theViewNamesTopicsWithoutTheNamespaceAndSumsBothDirections() {
        List<PlannedQueue> queues = List.of(new PlannedQueue("i1%orders", "broker-a", 0, 30, 10),
                new PlannedQueue("i1%orders", "broker-b", 0, 4, 9),
                new PlannedQueue("i1%orders", "broker-b", 1, 12, 0));

        OffsetResetView view = OffsetResetPlans.view(null, "i1", "billing", OffsetResetTarget.TIMESTAMP, NOW, true,
                NOW, null, queues);

        assertThat(view.queues()).extracting(QueueOffsetResetView::topic).containsOnly("orders");
        assertThat(view.queues()).extracting(QueueOffsetResetView::skipped).containsExactly(0L, 5L, 0L);
        assertThat(view.queues()).extracting(QueueOffsetResetView::redelivered).containsExactly(20L, 0L, 12L);
        assertThat(view.totalRedelivered()).isEqualTo(32);
        assertThat(view.totalSkipped()).isEqualTo(5);
        assertThat(view.dryRun()).isTrue();
    }
}
