package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.SessionView;
import io.cloudmq.controlplane.shared.config.ApiProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Console sessions: an API key is exchanged for a random cookie value valid for {@code cloudmq.api.session-ttl};
 * the session acts with the key's role until it expires, the console signs out or the key is revoked.
 */
@Service
class ConsoleSessionService {
    /** A session just opened: the cookie value (known only to this answer) and what the console may show. */
    record Opened(String token, ApiPrincipal principal, SessionView session) {}

    private final ApiKeyService keys;
    private final ApiKeyRepository keyRows;
    private final ConsoleSessionRepository sessions;
    private final ApiProperties properties;
    private final Clock clock;

    ConsoleSessionService(ApiKeyService keys, ApiKeyRepository keyRows, ConsoleSessionRepository sessions,
            ApiProperties properties, Clock clock) {
        this.keys = keys;
        this.keyRows = keyRows;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a session for a valid API key; empty if the key is unknown or wrong. Drops expired sessions. */
    @Transactional
    Optional<Opened> open(String apiKey) {
        Instant now = clock.instant();
        sessions.deleteExpired(now);
        return keys.authenticate(apiKey.strip()).map(principal -> {
            String token = SessionTokens.generate();
            Instant expiresAt = now.plus(properties.sessionTtl());
            String hash = SessionTokens.hashOf(token).orElseThrow();
            sessions.save(new ConsoleSession(hash, principal.keyId(), now, expiresAt));
            return new Opened(token, principal, new SessionView(principal.keyId(), principal.role(), expiresAt));
        });
    }

    /** The principal of a session cookie value that is known and not expired. */
    @Transactional(readOnly = true)
    Optional<ApiPrincipal> authenticate(String token) {
        return find(token).map(session -> new ApiPrincipal(session.keyId(), session.role()));
    }

    /** The session a cookie value belongs to, if it is known and not expired. */
    @Transactional(readOnly = true)
    Optional<SessionView> find(String token) {
        return SessionTokens.hashOf(token)
                .flatMap(hash -> sessions.findValid(hash, clock.instant()))
                .flatMap(session -> keyRows.findById(session.keyId())
                        .map(key -> new SessionView(session.keyId(), key.role(), session.expiresAt())));
    }

    /** Ends the session of a cookie value; nothing happens for an unknown one. */
    @Transactional
    void close(String token) {
        SessionTokens.hashOf(token).ifPresent(sessions::deleteById);
    }
}
