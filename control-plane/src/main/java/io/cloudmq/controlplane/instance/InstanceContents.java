package io.cloudmq.controlplane.instance;

/**
 * Implemented by features that own resources inside an instance (topics, consumer groups), so the instance
 * feature can refuse deleting a non-empty instance without depending on them.
 */
public interface InstanceContents {
    /** What the resources are called in a refusal, e.g. {@code topics}. */
    String kind();

    /** How many of them the instance holds. */
    long countIn(String instanceId);
}
