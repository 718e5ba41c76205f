package io.cloudmq.api.node;

import java.util.List;

/**
 * Body of {@code POST /admin/v1/dead-letters/resend}: sends dead letters of {@code group} again to their original
 * topics. Ids of other brokers are ignored. Repeating the call with the same {@code requestId} resends nothing
 * twice.
 *
 * @param group wire name of the consumer group
 * @param requestId names this resend request (the REST call's idempotency key)
 * @param messageIds offset message ids of the dead letters
 */
public record NodeDeadLetterResend(String group, String requestId, List<String> messageIds) {
    public NodeDeadLetterResend {
        messageIds = List.copyOf(messageIds);
    }
}
