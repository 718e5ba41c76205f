package io.cloudmq.api.client;

/** The call did not get an HTTP answer (connection refused, timeout, interrupted) or the answer was unreadable. */
public final class ManagementClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ManagementClientException(String method, String uri, Throwable cause) {
        super(method + " " + uri + " failed: " + cause, cause);
    }
}
