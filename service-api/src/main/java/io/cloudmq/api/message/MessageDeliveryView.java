package io.cloudmq.api.message;

/**
 * Whether a group consumed a message.
 *
 * @param group the instance-local group name
 * @param committedOffset the group's committed offset on the message's queue
 * @param state CONSUMED when the committed offset is past the message's queue offset
 */
public record MessageDeliveryView(String group, long committedOffset, DeliveryState state) {}
