package io.cloudmq.api.node.read;

/**
 * A group's committed offset on a message's queue.
 *
 * @param group wire group name
 * @param committedOffset the group's committed offset on the queue (the next offset it will consume)
 */
public record NodeDelivery(String group, long committedOffset) {}
