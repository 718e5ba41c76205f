package io.cloudmq.dataplane.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of every document a node reads or writes (admin API bodies, persisted state).
 * Strict about what a document must contain (a missing creator property or a {@code null} primitive is an
 * error), tolerant about extra properties so an older node accepts what a newer control plane sends.
 */
public final class NodeJson {
    private NodeJson() {}

    /** A new mapper; {@link JsonMapper} instances are immutable and thread-safe. */
    public static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
