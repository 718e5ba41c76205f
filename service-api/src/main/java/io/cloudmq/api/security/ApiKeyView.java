package io.cloudmq.api.security;

import java.time.Instant;

/**
 * A management API key without its secret.
 *
 * @param keyId public part of the token {@code cmq_<keyId>_<secret>}
 * @param name what the key is for
 * @param role what it may do
 * @param createdAt creation time
 */
public record ApiKeyView(String keyId, String name, ApiKeyRole role, Instant createdAt) {}
