package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/instances/{instanceId}/consumer-groups/{groupName}/dead-letters")
class DeadLetterController {
    private final DeadLetterService letters;

    DeadLetterController(DeadLetterService letters) {
        this.letters = letters;
    }

    /** Page {@code page} (from 0) of {@code size} letters; {@code nextPageToken} is the next page number. */
    @GetMapping
    PageView<DeadLetterView> list(
            @PathVariable String instanceId,
            @PathVariable String groupName,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return letters.list(instanceId, groupName, page, size);
    }

    @PostMapping("/resends")
    DeadLetterResendView resend(
            @PathVariable String instanceId,
            @PathVariable String groupName,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody DeadLetterResendRequest request) {
        return letters.resend(instanceId, groupName, request, idempotencyKey);
    }
}
