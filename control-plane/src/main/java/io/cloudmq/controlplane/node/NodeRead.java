package io.cloudmq.controlplane.node;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one node admin read: the answer, the node's 404 (it does not serve the name), its 400 (it
 * refused the request as malformed) or no usable answer. Immutable.
 *
 * @param status what happened
 * @param value the answer when {@link Status#FOUND}
 * @param <T> the answer's type
 */
public record NodeRead<T>(Status status, @Nullable T value) {

    /** How a node answered a read. */
    public enum Status {
        FOUND,
        NOT_FOUND,
        REFUSED,
        UNAVAILABLE
    }

    public static <T> NodeRead<T> found(T value) {
        return new NodeRead<>(Status.FOUND, value);
    }

    public static <T> NodeRead<T> of(Status status) {
        return new NodeRead<>(status, null);
    }

    /** The answer, empty unless {@link Status#FOUND}. */
    public Optional<T> answer() {
        return Optional.ofNullable(value);
    }
}
