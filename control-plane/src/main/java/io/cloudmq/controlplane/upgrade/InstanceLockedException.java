package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A mutation hit an instance whose cluster is being upgraded (423 {@code instance-locked}). */
public final class InstanceLockedException extends DomainException {
    private static final long serialVersionUID = 1L;

    private InstanceLockedException(String instanceId, String clusterId, LockingWindow window, Duration retryAfter) {
        super(ErrorCode.INSTANCE_LOCKED,
                "Instance " + instanceId + " is locked by upgrade window " + window.id() + " of cluster " + clusterId
                        + " until " + window.endsAt(),
                Map.of("instanceId", instanceId, "cluster", clusterId, "windowId", window.id().toString(),
                        "lockedUntil", window.endsAt().toString()),
                retryAfter);
    }

    static InstanceLockedException forWindow(String instanceId, String clusterId, LockingWindow window, Instant now) {
        Duration remaining = Duration.between(now, window.endsAt());
        Duration retryAfter = remaining.isNegative() ? Duration.ZERO : remaining;
        return new InstanceLockedException(instanceId, clusterId, window, retryAfter);
    }
}
