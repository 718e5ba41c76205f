package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeProgressView;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UpgradeProgressController {
    private final UpgradeProgressService progress;

    UpgradeProgressController(UpgradeProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/clusters/{clusterId}/upgrade-windows/{windowId}/progress")
    UpgradeProgressView progress(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return progress.progress(clusterId, windowId);
    }
}
