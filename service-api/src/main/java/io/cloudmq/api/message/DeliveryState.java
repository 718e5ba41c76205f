package io.cloudmq.api.message;

/** A group's progress past one message, from its committed offset. */
public enum DeliveryState {
    /** The group's committed offset is past the message. */
    CONSUMED,
    /** The group has not committed past the message yet. */
    NOT_CONSUMED;

    /** The state of a message at {@code queueOffset} for a group that committed {@code committedOffset}. */
    public static DeliveryState of(long committedOffset, long queueOffset) {
        return committedOffset > queueOffset ? CONSUMED : NOT_CONSUMED;
    }
}
