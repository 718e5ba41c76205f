package io.cloudmq.controlplane.instance;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.util.Map;

/** Creating one more resource would exceed an instance quota (409 {@code quota-exceeded}). */
public final class QuotaExceededException extends DomainException {
    private static final long serialVersionUID = 1L;

    private QuotaExceededException(String instanceId, String quota, int limit) {
        super(ErrorCode.QUOTA_EXCEEDED,
                "Instance " + instanceId + " already holds its maximum of " + limit + " " + quota,
                Map.of("instanceId", instanceId, "quota", quota, "limit", limit), null);
    }

    /** Throws if {@code current} has reached {@code limit}. */
    public static void check(String instanceId, String quota, long current, int limit) {
        if (current >= limit) {
            throw new QuotaExceededException(instanceId, quota, limit);
        }
    }
}
