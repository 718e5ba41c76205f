package io.cloudmq.api.problem;

/**
 * Machine-readable error codes: the {@code code} extension of every problem response. Each code has one
 * type URI ({@link ProblemTypes#of}), one HTTP status and one constant title.
 */
public enum ErrorCode {
    VALIDATION("validation", 400, "Request is not valid"),
    MALFORMED_REQUEST("malformed-request", 400, "Request body cannot be read"),
    AUTHENTICATION_REQUIRED("authentication-required", 401, "Authentication required"),
    ACCESS_DENIED("access-denied", 403, "Access denied"),
    NOT_FOUND("not-found", 404, "Resource not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Response media type not available"),
    ALREADY_EXISTS("already-exists", 409, "Resource already exists"),
    CONFLICT("conflict", 409, "Request conflicts with the current state"),
    QUOTA_EXCEEDED("quota-exceeded", 409, "Instance quota exceeded"),
    UPGRADE_WINDOW_OVERLAP("upgrade-window-overlap", 409, "Upgrade window overlaps another window"),
    CONCURRENT_MODIFICATION("concurrent-modification", 409, "Resource was modified concurrently"),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency key reused with a different request"),
    INSTANCE_LOCKED("instance-locked", 423, "Instance is locked by an upgrade window"),
    INTERNAL("internal", 500, "Internal error"),
    NODE_UNAVAILABLE("node-unavailable", 503, "A node of the cluster cannot do what was asked now");

    private final String slug;
    private final int status;
    private final String title;

    ErrorCode(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    /** Last path segment of the type URI. */
    public String slug() {
        return slug;
    }

    /** HTTP status answered with this code. */
    public int status() {
        return status;
    }

    /** Constant human-readable summary. */
    public String title() {
        return title;
    }
}
