package io.cloudmq.dataplane.broker.deadletter;

/** Message properties of retried and resent messages (RocketMQ's names). Constants only. */
final class DeadLetterProperties {
    /** The topic a retried message was first sent to. */
    static final String RETRY_TOPIC = "RETRY_TOPIC";
    /** The id of the message a resent one copies. */
    static final String ORIGIN_MESSAGE_ID = "ORIGIN_MESSAGE_ID";

    private DeadLetterProperties() {}
}
