package io.cloudmq.controlplane.instance;

/**
 * Something the nodes serve for an instance changed: a topic, a consumer group or a quota. Published by the
 * changing service inside its transaction; listeners run synchronously in that transaction, so what they
 * write commits or rolls back with the change.
 *
 * @param clusterId the cluster hosting the instance
 * @param instanceId the instance (its namespace)
 * @param change what changed, for people, e.g. {@code topic orders created}
 */
public record InstanceConfigChanged(String clusterId, String instanceId, String change) {}
