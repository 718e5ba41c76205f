package io.cloudmq.dataplane.admin;

/**
 * An admin request the node cannot accept as sent (malformed or invalid body); answered with
 * {@link #response()}, never logged as a node failure.
 */
public final class AdminRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public AdminRequestException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static AdminRequestException badRequest(String detail) {
        return new AdminRequestException(400, "bad-request", detail);
    }

    AdminResponse response() {
        return AdminResponse.error(status, error, getMessage());
    }
}
