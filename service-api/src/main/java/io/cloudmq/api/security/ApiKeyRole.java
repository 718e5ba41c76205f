package io.cloudmq.api.security;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a management API key may do. */
public enum ApiKeyRole {
    /** Every call. */
    @JsonProperty("admin")
    ADMIN,
    /** Reads only ({@code GET}); any other method is answered 403. */
    @JsonProperty("read-only")
    READ_ONLY
}
