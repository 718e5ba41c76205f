package io.cloudmq.api.node;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SecretKey sealed for a cluster's nodes, as it travels in the desired state and rests in a node's
 * {@code desired-state.json}. The control plane seals, a node opens in memory; both know the cluster's node
 * token (the admin-API token), nobody else needs it.
 *
 * <pre>
 * | part            | value                                                                     |
 * |-----------------|---------------------------------------------------------------------------|
 * | text form       | "v1." + Base64url (no padding) of the bytes below                         |
 * | salt            | 16 random bytes                                                           |
 * | iv              | 12 random bytes                                                           |
 * | ciphertext+tag  | AES-256-GCM (128-bit tag) of the SecretKey UTF-8, associated data =        |
 * |                 | the AccessKey UTF-8 (a sealed secret cannot be moved to another AccessKey) |
 * | key             | HKDF-SHA256(ikm = node token UTF-8, salt, info = {@value #INFO}), 32 bytes  |
 * </pre>
 *
 * Stateless and thread-safe (ciphers are created per call).
 */
public final class SealedSecret {
    static final String PREFIX = "v1.";
    static final String INFO = "cloudmq node secret v1";
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedSecret() {}

    /** {@code secret} sealed for the nodes holding {@code nodeToken}, bound to {@code accessKey}. */
    public static String seal(String nodeToken, String accessKey, String secret) {
        byte[] salt = random(SALT_BYTES);
        byte[] iv = random(IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nodeToken, accessKey, salt, iv);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(SALT_BYTES + IV_BYTES + sealed.length).put(salt).put(iv).put(sealed);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The SecretKey inside {@code sealed}.
     *
     * @throws IllegalArgumentException if {@code sealed} is malformed, or was not sealed with this node token
     *     for this AccessKey
     */
    public static String open(String nodeToken, String accessKey, String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("sealed secret of AccessKey " + accessKey + " is not of version v1");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        if (bytes.length <= SALT_BYTES + IV_BYTES) {
            throw new IllegalArgumentException("sealed secret of AccessKey " + accessKey + " is too short");
        }
        byte[] salt = Arrays.copyOfRange(bytes, 0, SALT_BYTES);
        byte[] iv = Arrays.copyOfRange(bytes, SALT_BYTES, SALT_BYTES + IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nodeToken, accessKey, salt, iv);
            byte[] plain = cipher.doFinal(bytes, SALT_BYTES + IV_BYTES, bytes.length - SALT_BYTES - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed secret of AccessKey " + accessKey
                    + " was not sealed for this node token", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static Cipher cipher(int mode, String nodeToken, String accessKey, byte[] salt, byte[] iv)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(derive(nodeToken, salt), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(accessKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** HKDF-SHA256 (RFC 5869) with one output block: extract with {@code salt}, expand with {@link #INFO}. */
    private static byte[] derive(String nodeToken, byte[] salt) throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] pseudoRandomKey = extract.doFinal(nodeToken.getBytes(StandardCharsets.UTF_8));
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        expand.update(INFO.getBytes(StandardCharsets.UTF_8));
        return expand.doFinal(new byte[] {1});
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
