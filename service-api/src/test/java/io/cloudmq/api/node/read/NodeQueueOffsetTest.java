package io.cloudmq.api.node.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeQueueOffsetTest {

    @Test
    void lagCountsFromTheCommittedOffset() {
        assertThat(new NodeQueueOffset("t", 0, 2, 40, 30).lag()).isEqualTo(10);
        assertThat(new NodeQueueOffset("t", 0, 2, 40, 40).lag()).isZero();
    }

    @Test
    void withoutACommittedOffsetOrBelowTheMinOffsetLagCountsFromTheMinOffset() {
        assertThat(new NodeQueueOffset("t", 0, 5, 40, -1).lag()).isEqualTo(35);
        assertThat(new NodeQueueOffset("t", 0, 5, 40, 1).lag()).isEqualTo(35);
    }
}
