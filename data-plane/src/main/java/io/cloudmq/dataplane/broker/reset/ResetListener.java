package io.cloudmq.dataplane.broker.reset;

/**
 * Told of every queue whose offset a reset has just set, after the offset is stored (the broker wakes the group's
 * pulls held on that queue). Implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface ResetListener {
    void onReset(String group, String topic, int queueId);
}
