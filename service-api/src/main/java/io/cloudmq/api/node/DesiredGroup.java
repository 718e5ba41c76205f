package io.cloudmq.api.node;

/**
 * One consumer group as a broker serves it.
 *
 * @param name wire name, {@code <namespace>%<group>}, at most 127 bytes
 * @param maxRetries deliveries retried before a message goes to the dead-letter queue (0–32)
 * @param orderly whether the group consumes orderly
 * @param broadcasting whether the group consumes in broadcasting mode
 */
public record DesiredGroup(String name, int maxRetries, boolean orderly, boolean broadcasting) {}
