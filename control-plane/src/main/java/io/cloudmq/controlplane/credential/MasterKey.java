package io.cloudmq.controlplane.credential;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key every stored SecretKey is encrypted with. Its text form is the standard base64 of the
 * 32 key bytes. {@link #toString()} never shows the key. Immutable.
 */
final class MasterKey {
    static final int BYTES = 32;

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A fresh random key. */
    static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /**
     * Parses the text form; {@code source} names where it came from in the refusal, which never quotes the
     * value.
     *
     * @throws IllegalStateException if the text is not base64 of exactly 32 bytes
     */
    static MasterKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException(
                    source + " must be base64 of " + BYTES + " bytes (256 bits), not " + bytes.length);
        }
        return new MasterKey(bytes);
    }

    SecretKey secretKey() {
        return key;
    }

    String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Override
    public String toString() {
        return "MasterKey[****]";
    }
}
