package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Use cases of dead letters: a numbered page of a group's dead letters over all broker groups (oldest first), and
 * resending letters to their original topics. A resend is not a configuration change, so it is allowed under an
 * upgrade lock; its request id is the call's {@code Idempotency-Key} (a random one without), which the brokers use
 * to resend each letter at most once per id. Thread-safe.
 */
@Service
class DeadLetterService {
    /** Largest page size. */
    static final int MAX_SIZE = 100;
    /** Deepest letter a page may reach (the brokers answer at most 1000 letters each). */
    static final int MAX_DEPTH = 1000;

    private final ConsumerGroupService groups;
    private final BrokerDeadLetters brokers;

    DeadLetterService(ConsumerGroupService groups, BrokerDeadLetters brokers) {
        this.groups = groups;
        this.brokers = brokers;
    }

    PageView<DeadLetterView> list(String instanceId, String group, int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        if (page < 0 || (long) (page + 1) * size > MAX_DEPTH) {
            throw new InvalidFieldException("page", "must be between 0 and " + (MAX_DEPTH / size - 1));
        }
        int end = (page + 1) * size;
        List<DeadLetterView> letters = brokers.list(groups.clusterOf(instanceId, group), instanceId, group,
                Math.min(end + 1, MAX_DEPTH));
        List<DeadLetterView> items = letters.subList(Math.min(page * size, letters.size()), Math.min(end, letters.size()));
        return new PageView<>(items, letters.size() > end ? Integer.toString(page + 1) : null);
    }

    DeadLetterResendView resend(String instanceId, String group, DeadLetterResendRequest request,
            @Nullable String idempotencyKey) {
        String requestId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        return new DeadLetterResendView(brokers.resend(groups.clusterOf(instanceId, group), instanceId, group,
                requestId, request.messageIds()));
    }
}
