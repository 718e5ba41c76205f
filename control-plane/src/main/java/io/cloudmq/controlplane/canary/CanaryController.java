package io.cloudmq.controlplane.canary;

import io.cloudmq.api.upgrade.CanaryView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CanaryController {
    private final CanaryService canary;

    CanaryController(CanaryService canary) {
        this.canary = canary;
    }

    @GetMapping("/api/v1/clusters/{clusterId}/canary")
    CanaryView canary(@PathVariable String clusterId) {
        return canary.view(clusterId);
    }
}
