package io.cloudmq.api.node;

/**
 * Answer of {@code PUT /admin/v1/desired-state}.
 *
 * @param appliedGeneration the generation the node now serves (the received one, or a newer one it already had)
 */
public record AppliedState(long appliedGeneration) {}
