package io.cloudmq.api.node;

/**
 * Body of {@code POST /admin/v1/dead-letters/list}: reads a group's dead-letter queue on this broker.
 *
 * @param group wire name of the consumer group
 * @param fromOffset first queue offset to read (clamped to the queue's minimum)
 * @param max most letters to answer, 1–1000
 */
public record NodeDeadLetterQuery(String group, long fromOffset, int max) {}
