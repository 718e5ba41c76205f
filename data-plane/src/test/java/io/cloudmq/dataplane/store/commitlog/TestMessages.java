package io.cloudmq.dataplane.store.commitlog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Builds messages for store tests. */
public final class TestMessages {
    /** A fixed IPv4 store address. */
    public static final InetSocketAddress STORE_HOST = address("10.0.0.7", 10911);
    /** A fixed IPv4 producer address. */
    public static final InetSocketAddress BORN_HOST = address("192.168.1.20", 53211);

    private TestMessages() {}

    /** A message with a body of {@code bodySize} bytes derived from {@code seed}, tag and keys. */
    public static IncomingMessage message(String topic, int queueId, String tag, String keys, String uniqueId,
            int bodySize, long seed) {
        String properties = "TAGS\u0001" + tag + "\u0002KEYS\u0001" + keys + "\u0002UNIQ_KEY\u0001" + uniqueId
                + "\u0002WAIT\u0001true\u0002";
        return new IncomingMessage(topic, queueId, 0, body(bodySize, seed), properties, 0, 1_700_000_000_000L + seed,
                BORN_HOST, 0, 0);
    }

    /** A message of topic {@code T}, queue 0, tag {@code tagA}, with keys and unique id derived from {@code seed}. */
    public static IncomingMessage message(int bodySize, long seed) {
        return message("T", 0, "tagA", "k" + seed, "U" + seed, bodySize, seed);
    }

    /** Deterministic body bytes. */
    public static byte[] body(int size, long seed) {
        byte[] body = new byte[size];
        String pattern = "body-" + seed + "-";
        byte[] unit = pattern.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            body[i] = unit[i % unit.length];
        }
        return body;
    }

    public static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
