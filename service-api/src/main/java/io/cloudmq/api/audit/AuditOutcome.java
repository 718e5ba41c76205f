package io.cloudmq.api.audit;

/** How a mutating call ended. */
public enum AuditOutcome {
    /** Answered 2xx. */
    SUCCEEDED,
    /** Answered 4xx: refused before or by the change. */
    REFUSED,
    /** Answered 5xx. */
    FAILED;

    /** The outcome of an HTTP status. */
    public static AuditOutcome ofStatus(int status) {
        if (status >= 500) {
            return FAILED;
        }
        return status >= 400 ? REFUSED : SUCCEEDED;
    }
}
