package io.cloudmq.api.topic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a topic lives: the broker groups serving it and the queue count on each (the same on every group).
 *
 * @param brokerGroups broker names of the cluster; {@code null} in a request means every group of the cluster
 * @param queuesPerGroup read and write queues on each group
 */
public record TopicPlacement(@Nullable @NotEmpty List<String> brokerGroups, @Min(1) @Max(64) int queuesPerGroup) {
    public TopicPlacement {
        brokerGroups = brokerGroups == null ? null : List.copyOf(brokerGroups);
    }
}
