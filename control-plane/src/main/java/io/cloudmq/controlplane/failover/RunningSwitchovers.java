package io.cloudmq.controlplane.failover;

import io.cloudmq.controlplane.upgrade.ConflictingOperations;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Switchover jobs that have not ended, for the upgrade pre-check: a window started while one runs would drain
 * and restart the same group's nodes under it. (A switchover asked while a window has not ended is refused by
 * {@link SwitchoverService}.) Thread-safe.
 */
@Component
class RunningSwitchovers implements ConflictingOperations {
    private final SwitchoverJobRepository jobs;

    RunningSwitchovers(SwitchoverJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> running(String clusterId) {
        return jobs.findByClusterIdAndStateInOrderByCreatedAt(clusterId, SwitchoverService.ACTIVE).stream()
                .map(SwitchoverJob::toView)
                .map(job -> "switchover " + job.id() + " of broker group " + job.brokerName() + " is " + job.state()
                        + " (GET /api/v1/clusters/" + clusterId + "/switchover-jobs/" + job.id() + ")")
                .toList();
    }
}
