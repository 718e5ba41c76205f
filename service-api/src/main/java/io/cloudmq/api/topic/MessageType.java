package io.cloudmq.api.topic;

/** The kind of messages a topic carries; fixed when the topic is created. */
public enum MessageType {
    NORMAL,
    FIFO,
    DELAY,
    TRANSACTION
}
