package io.cloudmq.controlplane.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Session cookie values: 32 random bytes (256 bits) in unpadded base64url, 43 characters. Only the hex SHA-256
 * of a value is stored, so a database dump cannot be replayed as a cookie. Thread-safe.
 */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private SessionTokens() {}

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a well-formed token; empty for anything else, so garbage never reaches the database. */
    static Optional<String> hashOf(String token) {
        return TOKEN.matcher(token).matches()
                ? Optional.of(HexFormat.of().formatHex(ApiTokens.sha256(token)))
                : Optional.empty();
    }
}
