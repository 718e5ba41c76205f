package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.message.RolledBackTransactionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transaction messages of an instance rolled back after the maximum number of checks, kept for audit. */
@RestController
@RequestMapping("/api/v1/instances/{instanceId}/rolled-back-transactions")
class RolledBackTransactionController {
    private final RolledBackTransactionService transactions;

    RolledBackTransactionController(RolledBackTransactionService transactions) {
        this.transactions = transactions;
    }

    /** Page {@code page} (from 0) of {@code size}; {@code nextPageToken} is the next page number. */
    @GetMapping
    PageView<RolledBackTransactionView> list(
            @PathVariable String instanceId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return transactions.list(instanceId, page, size);
    }
}
