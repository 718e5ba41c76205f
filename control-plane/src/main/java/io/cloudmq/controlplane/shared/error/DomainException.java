package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An expected refusal of a use case. Carries everything the problem response needs: the error code (type,
 * status, title), a specific detail, extension members and optionally a {@code Retry-After}. Services throw
 * it; only the web layer turns it into HTTP.
 */
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, Object> extensions;
    private final @Nullable Duration retryAfter;

    protected DomainException(
            ErrorCode code, String detail, Map<String, Object> extensions, @Nullable Duration retryAfter) {
        super(detail);
        this.code = code;
        this.extensions = new LinkedHashMap<>(extensions);
        this.retryAfter = retryAfter;
    }

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), null);
    }

    /** The error code of the problem. */
    public ErrorCode code() {
        return code;
    }

    /** Extension members of the problem. */
    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    /** How long a client should wait before retrying, if it can help. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The problem's detail. */
    public String detail() {
        return String.valueOf(getMessage());
    }
}
