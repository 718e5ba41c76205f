package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The body of {@code LOCK_BATCH_MQ} and {@code UNLOCK_BATCH_MQ} (spec §4.12). */
public record LockBatchRequestBody(
        String consumerGroup, String clientId, @Nullable Set<MessageQueue> mqSet, boolean onlyThisBroker) {

    public LockBatchRequestBody {
        mqSet = mqSet == null ? Set.of() : Set.copyOf(mqSet);
    }
}
