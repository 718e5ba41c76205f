package io.cloudmq.controlplane.upgrade;

import java.util.List;

/**
 * Operations on a cluster that an upgrade window must not overlap, reported by the feature that runs them (a
 * switchover of a broker group drains and restarts nodes, as a window does): the pre-check is no-go while one
 * runs. Implementations are Spring beans and thread-safe.
 */
public interface ConflictingOperations {
    /** Each operation of {@code clusterId} that has not ended, described for an operator; empty if none. */
    List<String> running(String clusterId);
}
