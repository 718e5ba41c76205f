package io.cloudmq.controlplane.node;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of one {@code PUT /admin/v1/desired-state} to one node. Immutable.
 *
 * @param status how the node answered
 * @param appliedGeneration the generation the node serves afterwards ({@link DesiredStatePushStatus#APPLIED} only, else -1)
 * @param error why it did not apply ({@code null} when applied)
 */
public record DesiredStatePush(DesiredStatePushStatus status, long appliedGeneration, @Nullable String error) {

    static DesiredStatePush applied(long appliedGeneration) {
        return new DesiredStatePush(DesiredStatePushStatus.APPLIED, appliedGeneration, null);
    }

    static DesiredStatePush rejected(String error) {
        return new DesiredStatePush(DesiredStatePushStatus.REJECTED, -1, error);
    }

    static DesiredStatePush failed(String error) {
        return new DesiredStatePush(DesiredStatePushStatus.FAILED, -1, error);
    }
}
