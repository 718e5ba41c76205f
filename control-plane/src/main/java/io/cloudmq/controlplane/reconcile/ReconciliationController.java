package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.controlplane.shared.web.PageCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of reconciliation: per-node desired vs applied generation, and the outbox rows. */
@RestController
@RequestMapping("/api/v1/clusters/{clusterId}")
class ReconciliationController {
    private final NodeReconciliationService records;
    private final OutboxService outbox;

    ReconciliationController(NodeReconciliationService records, OutboxService outbox) {
        this.records = records;
        this.outbox = outbox;
    }

    @GetMapping("/reconciliation")
    ReconciliationView reconciliation(@PathVariable String clusterId) {
        return records.view(clusterId);
    }

    @GetMapping("/outbox")
    PageView<OutboxEntryView> outbox(
            @PathVariable String clusterId,
            @RequestParam(required = false) @Nullable OutboxState state,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return outbox.page(clusterId, state, PageCursor.parse(pageToken, pageSize));
    }
}
