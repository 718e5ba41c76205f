package io.cloudmq.dataplane.replication;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret a slave proves in its HELLO (protocol version 3) that it holds: the cluster's node token, which every
 * node of a cluster is configured with ({@code admin.token}). The proof is HMAC-SHA256, keyed with the token, over
 * the UTF-8 bytes of {@code "cloudmq-replication-v3\n" + slaveName + "\n" + sentAtMillis}; a master accepts it
 * while {@code sentAtMillis} is within {@link #MAX_CLOCK_SKEW} of its own clock. It authenticates the slave, it
 * does not encrypt the stream: whoever could capture a HELLO to replay it within the skew could read the stream
 * on the same wire anyway. Immutable and thread-safe.
 */
public final class ReplicationKey {
    /** Size of a proof: one HMAC-SHA256. */
    public static final int PROOF_BYTES = 32;
    /** How far a HELLO's clock may be from the master's. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ReplicationKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The key of a cluster whose node token is {@code token}. */
    public static ReplicationKey of(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the replication key needs a non-empty node token");
        }
        return new ReplicationKey(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The proof a slave named {@code slaveName} sends with a HELLO written at {@code sentAtMillis}. */
    public byte[] prove(String slaveName, long sentAtMillis) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(("cloudmq-replication-v3\n" + slaveName + "\n" + sentAtMillis)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code proof} is this key's for the HELLO and was written within the skew of {@code nowMillis}. */
    public boolean accepts(String slaveName, long sentAtMillis, byte[] proof, long nowMillis) {
        return Math.abs(nowMillis - sentAtMillis) <= MAX_CLOCK_SKEW.toMillis()
                && MessageDigest.isEqual(prove(slaveName, sentAtMillis), proof);
    }
}
