package io.cloudmq.api.topic;

/** What clients may do with a topic; maps to RocketMQ's permission bits (read 4, write 2). */
public enum TopicPermission {
    READ_WRITE(6),
    READ_ONLY(4),
    WRITE_ONLY(2);

    private final int bits;

    TopicPermission(int bits) {
        this.bits = bits;
    }

    /** RocketMQ permission bits. */
    public int bits() {
        return bits;
    }
}
