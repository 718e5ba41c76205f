package io.cloudmq.controlplane.insight;

import org.jspecify.annotations.Nullable;

/**
 * Names of RocketMQ {@code MQVersion} ordinals from 4.0.0 on, where the enumeration is regular: for version
 * {@code a.b.c} (a ≥ 4, b and c single digits) the snapshot has ordinal 212 + 2·((a − 4)·100 + b·10 + c) and
 * the release the next one (5.5.0 → 513); 612 and above is {@code HIGHER_VERSION}. Stateless.
 */
public final class ClientVersions {
    private static final int V4_0_0_SNAPSHOT = 212;
    private static final int HIGHER_VERSION = 612;

    private ClientVersions() {}

    /** The version's enum name, e.g. {@code V5_5_0}, or null before 4.0.0 (irregular there). */
    public static @Nullable String name(int ordinal) {
        if (ordinal >= HIGHER_VERSION) {
            return "HIGHER_VERSION";
        }
        if (ordinal < V4_0_0_SNAPSHOT) {
            return null;
        }
        int index = (ordinal - V4_0_0_SNAPSHOT) / 2;
        String name = "V" + (4 + index / 100) + "_" + (index / 10 % 10) + "_" + (index % 10);
        return (ordinal - V4_0_0_SNAPSHOT) % 2 == 0 ? name + "_SNAPSHOT" : name;
    }
}
