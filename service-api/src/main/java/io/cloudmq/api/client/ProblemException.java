package io.cloudmq.api.client;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error: an RFC 9457 problem (or, for a non-problem error body, a problem
 * synthesised from the status with type {@code about:blank}).
 */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final URI type;
    private final int status;
    private final String title;
    private final @Nullable String detail;
    private final @Nullable ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final @Nullable Long retryAfterSeconds;

    ProblemException(
            URI type,
            int status,
            String title,
            @Nullable String detail,
            @Nullable ErrorCode code,
            List<FieldError> errors,
            Map<String, Object> extensions,
            @Nullable Long retryAfterSeconds) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.type = type;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Problem type URI, one of {@code ProblemTypes} for our own errors. */
    public URI type() {
        return type;
    }

    /** HTTP status. */
    public int status() {
        return status;
    }

    /** Constant summary of the type. */
    public String title() {
        return title;
    }

    /** What went wrong in this occurrence. */
    public @Nullable String detail() {
        return detail;
    }

    /** The {@code code} extension, if the problem is one of ours. */
    public @Nullable ErrorCode code() {
        return code;
    }

    /** Field errors of a {@code validation} problem; empty otherwise. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Every other member of the problem, e.g. {@code windowId} and {@code lockedUntil} of {@code instance-locked}. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** The {@code Retry-After} header in seconds, if the server sent one. */
    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }
}
