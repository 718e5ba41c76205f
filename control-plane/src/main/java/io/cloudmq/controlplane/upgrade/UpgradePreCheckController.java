package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.PreCheckView;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters/{clusterId}/upgrade-windows/{windowId}/pre-check")
class UpgradePreCheckController {
    private final UpgradePreCheckService preChecks;

    UpgradePreCheckController(UpgradePreCheckService preChecks) {
        this.preChecks = preChecks;
    }

    @PostMapping
    PreCheckView run(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return preChecks.run(clusterId, windowId);
    }

    @GetMapping
    PreCheckView latest(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return preChecks.latest(clusterId, windowId);
    }
}
