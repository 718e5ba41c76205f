package io.cloudmq.api.problem;

import java.net.URI;
import java.util.Optional;

/**
 * The stable problem {@code type} URIs of the REST API: {@code https://cloudmq.io/problems/<slug>}, one per
 * {@link ErrorCode}. Clients compare types, never titles or details.
 */
public final class ProblemTypes {
    /** Base every problem type resolves against. */
    public static final URI BASE = URI.create("https://cloudmq.io/problems/");

    private ProblemTypes() {}

    /** The type URI of an error code. */
    public static URI of(ErrorCode code) {
        return BASE.resolve(code.slug());
    }

    /** The error code of a type URI, if it is one of ours. */
    public static Optional<ErrorCode> codeOf(URI type) {
        for (ErrorCode code : ErrorCode.values()) {
            if (of(code).equals(type)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
