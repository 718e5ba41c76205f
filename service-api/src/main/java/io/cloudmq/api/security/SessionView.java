package io.cloudmq.api.security;

import java.time.Instant;

/**
 * A console session: who signed in and until when the cookie is accepted.
 *
 * @param keyId the API key the session was opened with; revoking the key ends the session
 * @param role what the session may do (the key's role)
 * @param expiresAt when the session ends
 */
public record SessionView(String keyId, ApiKeyRole role, Instant expiresAt) {}
