package io.cloudmq.api.security;

/**
 * Answer of {@code POST /api/v1/api-keys}: the only time the secret is shown.
 *
 * @param key the key
 * @param token bearer token {@code cmq_<keyId>_<secret>}
 */
public record CreatedApiKeyView(ApiKeyView key, String token) {}
