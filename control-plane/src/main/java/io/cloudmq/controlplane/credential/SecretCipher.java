package io.cloudmq.controlplane.credential;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals SecretKeys with AES-256-GCM under the {@link MasterKey}. The AccessKey is the GCM associated data,
 * so a sealed secret copied onto another credential's row does not open. Layout of a sealed secret (stored
 * in {@code credentials.secret_ciphertext} and {@code operator_credentials.secret_ciphertext}):
 *
 * <pre>
 * offset  size  field
 *      0     1  format, always 1
 *      1    12  nonce, random per sealing
 *     13     n  AES-GCM ciphertext of the secret's UTF-8 bytes (n = 40 for a SecretKey)
 *   13+n    16  GCM authentication tag
 * </pre>
 *
 * Thread-safe: every call uses its own {@link Cipher}.
 */
final class SecretCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + NONCE_BYTES;

    private final MasterKey key;
    private final SecureRandom random;

    SecretCipher(MasterKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** Seals the secret of {@code accessKey}. */
    byte[] seal(String accessKey, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accessKey);
            byte[] body = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + body.length).put(FORMAT).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    /**
     * Opens a sealed secret of {@code accessKey}.
     *
     * @throws SecretUnreadableException if it was altered, belongs to another AccessKey or was sealed under
     *     another master key
     */
    String open(String accessKey, byte[] sealed) {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new SecretUnreadableException(accessKey, "unknown format");
        }
        ByteBuffer buffer = ByteBuffer.wrap(sealed, 1, sealed.length - 1);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, accessKey);
            byte[] plain = cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException(
                    accessKey, "authentication failed (altered, or sealed under another master key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String accessKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(accessKey.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
