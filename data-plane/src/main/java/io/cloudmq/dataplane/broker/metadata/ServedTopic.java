package io.cloudmq.dataplane.broker.metadata;

import io.cloudmq.dataplane.remoting.protocol.Perm;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;

/**
 * A topic this broker serves: its registered configuration, the largest body it accepts and which sends its
 * message type accepts. Immutable.
 *
 * @param config what the name servers learn about the topic
 * @param maxMessageSize largest message body in bytes
 * @param messageType the topic's message type
 */
public record ServedTopic(TopicConfig config, int maxMessageSize, TopicMessageType messageType) {

    public boolean writable() {
        return (config.perm() & Perm.WRITE) != 0;
    }

    public boolean readable() {
        return (config.perm() & Perm.READ) != 0;
    }

    /** A queue id this topic has; an id outside the write queues is folded onto them. */
    public int validWriteQueue(int queueId) {
        return Math.floorMod(queueId, Math.max(1, config.writeQueueNums()));
    }
}
