package io.cloudmq.controlplane.credential;

import java.security.SecureRandom;

/**
 * Generates AccessKeys (20 characters) and SecretKeys (40 characters) of {@code [A-Za-z0-9]}, uniformly from a
 * {@link SecureRandom}. Thread-safe ({@link SecureRandom} is).
 */
final class CredentialKeys {
    static final int ACCESS_KEY_LENGTH = 20;
    static final int SECRET_KEY_LENGTH = 40;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random;

    CredentialKeys(SecureRandom random) {
        this.random = random;
    }

    String accessKey() {
        return randomText(ACCESS_KEY_LENGTH);
    }

    String secretKey() {
        return randomText(SECRET_KEY_LENGTH);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
