package io.cloudmq.dataplane.remoting.protocol;

import org.jspecify.annotations.Nullable;

/**
 * Header serialization of a frame: the high byte of the frame's second int32 (spec §1.2).
 * A response is written in the type of its request; server-initiated requests use {@link #JSON}.
 */
public enum SerializeType {
    JSON(0),
    ROCKETMQ(1);

    private final int code;

    SerializeType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Returns the type for a wire code, or {@code null} for a code that is neither 0 nor 1. */
    public static @Nullable SerializeType fromCode(int code) {
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> null;
        };
    }
}
