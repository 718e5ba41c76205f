package io.cloudmq.controlplane.node;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one call to a node's admin API. Immutable.
 *
 * @param status HTTP status the node answered, 0 when it gave no (valid) answer
 * @param body the answer read as the expected type, present for status 200 only
 * @param error what went wrong, {@code null} for status 200
 * @param <T> answer type
 */
public record NodeAdminResult<T>(int status, @Nullable T body, @Nullable String error) {

    /** Whether the node answered 200 with a valid body. */
    public boolean ok() {
        return status == 200 && body != null;
    }
}
