package io.cloudmq.controlplane.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens {@code cmq_<keyId>_<secret>}: key id 12 characters of {@code [a-z0-9]}, secret 40 of
 * {@code [A-Za-z0-9]} (about 238 bits). Only SHA-256 of the secret is stored. Thread-safe.
 */
final class ApiTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("^cmq_([a-z0-9]{12})_([A-Za-z0-9]{40})$");
    private static final String KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ApiTokens() {}

    /** A parsed token. */
    record Parts(String keyId, String secret) {
        String token() {
            return "cmq_" + keyId + "_" + secret;
        }
    }

    static Parts generate() {
        return new Parts(random(KEY_ALPHABET, 12), random(SECRET_ALPHABET, 40));
    }

    static Optional<Parts> parse(String token) {
        Matcher matcher = TOKEN.matcher(token);
        return matcher.matches() ? Optional.of(new Parts(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
