package io.cloudmq.controlplane.failover;

import static io.cloudmq.controlplane.failover.SwitchoverTestApi.CLUSTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.failover.SwitchoverJobState;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.PreCheckItem;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The refusals of {@code POST .../broker-groups/{name}/switchover}, each a problem+json: 409 while a switchover
 * of the group runs, while an upgrade window of the cluster is not terminal, or without a slave UP; 404 for an
 * unknown cluster, group or job. A refusal starts nothing. The other way round, a window scheduled while a
 * switchover runs is allowed, but its pre-check is no-go until the switchover ended.
 */
@FullStackTest
class SwitchoverRefusalApiIT {
    @LocalServerPort
    int port;

    private SwitchoverTestApi api;
    private ManagementClient admin;
    private final String group = "sw-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void api() {
        api = new SwitchoverTestApi(port);
        admin = api.admin();
    }

    @Test
    void aSecondSwitchoverOfTheGroupIsRefusedWhileTheFirstRuns() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER");
                StubBroker slave = new StubBroker(group + "-1", group, "SLAVE")) {
            UUID running = heldSwitchover(master, slave);

            assertProblem(catchThrowable(() -> admin.switchover(CLUSTER, group, null)), ErrorCode.CONFLICT,
                    "Switchover " + running + " of broker group " + group + " is ", "wait until it ended");

            master.releaseDrain();
            assertThat(api.awaitEnd(running).state()).isEqualTo(SwitchoverJobState.SUCCEEDED);
            assertThat(master.actions()).as("one job drained the master").containsExactly("drain");
        }
    }

    @Test
    void aScheduledWindowRefusesTheSwitchoverOfAKnownGroupUntilItIsCancelled() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER");
                StubBroker slave = new StubBroker(group + "-1", group, "SLAVE")) {
            api.registerUp(master, slave);
            UpgradeWindowView window = admin.scheduleUpgradeWindow(CLUSTER, TestData.window(1), null);
            String key = "after-window-" + group;

            Throwable refused = catchThrowable(() -> admin.switchover(CLUSTER, group, key));
            Throwable unknownGroup = catchThrowable(() -> admin.switchover(CLUSTER, "no-such-group", null));
            admin.cancelUpgradeWindow(CLUSTER, window.id());

            ProblemException problem = assertProblem(refused, ErrorCode.CONFLICT,
                    "upgrade window " + window.id() + " of cluster " + CLUSTER + " is SCHEDULED",
                    "or cancel it (POST /api/v1/clusters/" + CLUSTER + "/upgrade-windows/" + window.id() + "/cancel)");
            assertThat(problem.extensions()).containsEntry("windowId", window.id().toString())
                    .containsEntry("windowState", "SCHEDULED");
            assertProblem(unknownGroup, ErrorCode.NOT_FOUND, "broker group no-such-group");
            assertThat(master.actions()).isEmpty();
            UUID accepted = SwitchoverTestApi.acceptedJob(api.requestSwitchover(group, key));
            assertThat(api.awaitEnd(accepted).state()).isEqualTo(SwitchoverJobState.SUCCEEDED);
        }
    }

    @Test
    void aWindowsPreCheckIsNoGoWhileASwitchoverRunsAndPassesThatCheckOnceItEnded() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER");
                StubBroker slave = new StubBroker(group + "-1", group, "SLAVE")) {
            UUID running = heldSwitchover(master, slave);
            UpgradeWindowView window = admin.scheduleUpgradeWindow(CLUSTER, TestData.window(1), null);
            try {
                PreCheckItem during = conflictCheck(admin.runUpgradePreCheck(CLUSTER, window.id()));

                master.releaseDrain();
                assertThat(api.awaitEnd(running).state()).isEqualTo(SwitchoverJobState.SUCCEEDED);
                PreCheckItem after = conflictCheck(admin.runUpgradePreCheck(CLUSTER, window.id()));

                assertThat(during.passed()).isFalse();
                assertThat(during.detail()).contains("switchover " + running + " of broker group " + group + " is ",
                        "wait until it ended");
                assertThat(after.passed()).isTrue();
            } finally {
                master.releaseDrain();
                admin.cancelUpgradeWindow(CLUSTER, window.id());
            }
        }
    }

    /** Registers the group UP and accepts a switchover whose drain of the master waits for its release. */
    private UUID heldSwitchover(StubBroker master, StubBroker slave) throws Exception {
        api.registerUp(master, slave);
        master.holdDrain();
        return SwitchoverTestApi.acceptedJob(api.requestSwitchover(group, null));
    }

    private static PreCheckItem conflictCheck(PreCheckView check) {
        return check.checks().stream().filter(item -> item.name().equals("no-conflicting-operation")).findFirst()
                .orElseThrow(() -> new AssertionError("no conflicting-operation item in " + check.checks()));
    }

    @Test
    void aGroupWithoutASlaveUpIsRefusedAndUnknownClustersGroupsAndJobsAreNotFound() throws Exception {
        try (StubBroker master = new StubBroker(group + "-0", group, "SYNC_MASTER")) {
            api.registerUp(master);

            assertProblem(catchThrowable(() -> admin.switchover(CLUSTER, group, null)), ErrorCode.CONFLICT,
                    "broker group " + group + " has no slave UP");
            assertThat(master.actions()).isEmpty();
        }
        assertProblem(catchThrowable(() -> admin.switchover(CLUSTER, "no-such-group", null)), ErrorCode.NOT_FOUND,
                "broker group no-such-group");
        assertProblem(catchThrowable(() -> admin.switchover("no-such-cluster", group, null)), ErrorCode.NOT_FOUND,
                "cluster no-such-cluster");
        assertProblem(catchThrowable(() -> admin.getSwitchoverJob(CLUSTER, UUID.randomUUID())), ErrorCode.NOT_FOUND,
                "switchover job");
    }

    private static ProblemException assertProblem(Throwable thrown, ErrorCode code, String... detailParts) {
        assertThat(thrown).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) thrown;
        assertThat(problem.status()).isEqualTo(code.status());
        assertThat(problem.code()).as("a problem+json of type %s", code).isEqualTo(code);
        assertThat(problem.detail()).contains(detailParts);
        return problem;
    }
}
