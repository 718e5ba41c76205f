package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Set;

/** The body of a {@code LOCK_BATCH_MQ} response: the queues now locked by the requester (spec §4.12). */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {
    public LockBatchResponseBody {
        lockOKMQSet = Set.copyOf(lockOKMQSet);
    }
}
