package io.cloudmq.api.consumergroup;

/**
 * One queue of an offset reset.
 *
 * @param topic topic name (without the instance namespace)
 * @param brokerName broker group holding the queue
 * @param queueId queue id in the broker group
 * @param currentOffset where the group continued before the reset
 * @param newOffset where it continues after the reset
 * @param skipped messages the group will never receive because of the reset ({@code newOffset - currentOffset} when positive)
 * @param redelivered messages the group will receive again ({@code currentOffset - newOffset} when positive)
 */
public record QueueOffsetResetView(
        String topic, String brokerName, int queueId, long currentOffset, long newOffset, long skipped, long redelivered) {}
