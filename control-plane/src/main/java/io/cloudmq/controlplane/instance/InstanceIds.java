package io.cloudmq.controlplane.instance;

import java.security.SecureRandom;

/**
 * Generates instance ids: {@code MQ_INST_<12 digits>_<8 [a-z0-9]>}, the namespace form RocketMQ clients
 * recognise. Thread-safe.
 */
final class InstanceIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DIGITS = "0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private InstanceIds() {}

    static String next() {
        return "MQ_INST_" + random(DIGITS, 12) + "_" + random(LOWER_ALNUM, 8);
    }

    private static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
