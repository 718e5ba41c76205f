package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.shared.web.NumberedPage;
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
    private final ConsumerGroupService groups;
    private final BrokerDeadLetters brokers;

    DeadLetterService(ConsumerGroupService groups, BrokerDeadLetters brokers) {
        this.groups = groups;
        this.brokers = brokers;
    }

    PageView<DeadLetterView> list(String instanceId, String group, int page, int size) {
        NumberedPage numbered = NumberedPage.of(page, size);
        return numbered.slice(brokers.list(groups.clusterOf(instanceId, group), instanceId, group, numbered.readCount()));
    }

    DeadLetterResendView resend(String instanceId, String group, DeadLetterResendRequest request,
            @Nullable String idempotencyKey) {
        String requestId = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        return new DeadLetterResendView(brokers.resend(groups.clusterOf(instanceId, group), instanceId, group,
                requestId, request.messageIds()));
    }
}
