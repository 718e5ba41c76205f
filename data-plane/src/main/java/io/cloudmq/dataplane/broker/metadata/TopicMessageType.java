package io.cloudmq.dataplane.broker.metadata;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The message type of a served topic and which sends it accepts:
 *
 * <pre>
 * | type          | plain | delayed | half |
 * |---------------|-------|---------|------|
 * | NORMAL        | yes   | no      | no   |
 * | FIFO          | yes   | no      | no   |
 * | DELAY         | yes   | yes     | no   |
 * | TRANSACTION   | no    | no      | yes  |
 * | RETRY         | no    | yes     | no   |
 * | UNSPECIFIED   | yes   | yes     | yes  |
 * </pre>
 *
 * RETRY is every {@code %RETRY%<group>} topic; UNSPECIFIED is a topic whose type the broker does not know
 * (created by admin tooling, or a dead-letter topic). Immutable.
 */
public enum TopicMessageType {
    NORMAL(EnumSet.of(SendKind.PLAIN)),
    FIFO(EnumSet.of(SendKind.PLAIN)),
    DELAY(EnumSet.of(SendKind.PLAIN, SendKind.DELAYED)),
    TRANSACTION(EnumSet.of(SendKind.HALF)),
    RETRY(EnumSet.of(SendKind.DELAYED)),
    UNSPECIFIED(EnumSet.allOf(SendKind.class));

    private final Set<SendKind> accepted;

    TopicMessageType(Set<SendKind> accepted) {
        this.accepted = accepted;
    }

    /** The type named by a desired topic's {@code messageType}; UNSPECIFIED for a name it does not know. */
    public static TopicMessageType of(String name) {
        for (TopicMessageType type : values()) {
            if (type.name().equals(name.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return UNSPECIFIED;
    }

    public boolean accepts(SendKind kind) {
        return accepted.contains(kind);
    }
}
