package io.cloudmq.dataplane.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code Authorization: Bearer <token>} header of an admin request against the node token.
 * Both sides are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken
 * reveals neither the token's content nor its length. Immutable and thread-safe.
 */
public final class AdminToken {
    private static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;

    public AdminToken(String token) {
        this.expectedDigest = sha256(token);
    }

    /** Whether {@code authorization} (the header value, possibly absent) carries the node token. */
    public boolean accepts(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, sha256(authorization.substring(BEARER.length()).strip()));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
