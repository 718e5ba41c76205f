package io.cloudmq.dataplane.broker.metadata;

/** What a send asks the broker to store, for the topic's message-type check. */
public enum SendKind {
    /** Delivered at once. */
    PLAIN("plain"),
    /** With a delay level ({@code DELAY} property). */
    DELAYED("delayed"),
    /** The prepared part of a transaction. */
    HALF("transactional half");

    private final String description;

    SendKind(String description) {
        this.description = description;
    }

    /** How a refusal names it. */
    public String description() {
        return description;
    }
}
