package io.cloudmq.controlplane.shared.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: time-ordered, so ids sort by creation and serve as pagination keys.
 *
 * <table>
 *   <caption>Layout (big-endian, 128 bits)</caption>
 *   <tr><th>bits</th><th>field</th></tr>
 *   <tr><td>48</td><td>Unix time in milliseconds</td></tr>
 *   <tr><td>4</td><td>version {@code 0111}</td></tr>
 *   <tr><td>12</td><td>random</td></tr>
 *   <tr><td>2</td><td>variant {@code 10}</td></tr>
 *   <tr><td>62</td><td>random</td></tr>
 * </table>
 * Thread-safe.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {}

    /** A new UUIDv7 for the given instant. */
    public static UUID at(Instant now) {
        long millis = now.toEpochMilli();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextLong() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
