package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeReportView;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UpgradeReportController {
    private final UpgradeReportService reports;

    UpgradeReportController(UpgradeReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/clusters/{clusterId}/upgrade-windows/{windowId}/report")
    UpgradeReportView report(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return reports.report(clusterId, windowId);
    }
}
