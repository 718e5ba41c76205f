package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code If-Match} named another version than the current one (412 {@code precondition-failed}). */
public final class VersionMismatchException extends DomainException {
    private static final long serialVersionUID = 1L;

    private VersionMismatchException(long expected, long actual) {
        super(ErrorCode.PRECONDITION_FAILED,
                "If-Match names version " + expected + " but the current version is " + actual,
                Map.of("currentVersion", actual), null);
    }

    /** Throws unless {@code expected} is {@code null} (no condition) or equals {@code actual}. */
    public static void check(@Nullable Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new VersionMismatchException(expected, actual);
        }
    }
}
