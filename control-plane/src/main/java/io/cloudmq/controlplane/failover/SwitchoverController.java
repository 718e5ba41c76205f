package io.cloudmq.controlplane.failover;

import io.cloudmq.api.failover.SwitchoverJobView;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Planned master switches: {@code POST .../broker-groups/{name}/switchover} answers 202 with the job
 * (repetitions with the same {@code Idempotency-Key} replay it), {@code GET .../switchover-jobs/{jobId}}
 * shows its progress.
 */
@RestController
@RequestMapping("/api/v1/clusters/{clusterId}")
class SwitchoverController {
    private final SwitchoverService jobs;
    private final SwitchoverRunner runner;

    SwitchoverController(SwitchoverService jobs, SwitchoverRunner runner) {
        this.jobs = jobs;
        this.runner = runner;
    }

    @PostMapping("/broker-groups/{brokerName}/switchover")
    ResponseEntity<SwitchoverJobView> switchover(@PathVariable String clusterId, @PathVariable String brokerName) {
        SwitchoverJobView job = jobs.accept(clusterId, brokerName);
        runner.submit(clusterId, job.id());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/clusters/" + clusterId + "/switchover-jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/switchover-jobs/{jobId}")
    SwitchoverJobView get(@PathVariable String clusterId, @PathVariable UUID jobId) {
        return jobs.get(clusterId, jobId);
    }
}
