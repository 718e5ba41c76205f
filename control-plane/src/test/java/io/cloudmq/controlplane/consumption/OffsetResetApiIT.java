package io.cloudmq.controlplane.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.OffsetResetRequest;
import io.cloudmq.api.consumergroup.OffsetResetTarget;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The offset-reset API's refusals and bookkeeping, on a cluster without nodes (every plan is empty): what the
 * brokers do with a reset is {@code StandaloneIT}'s.
 */
@FullStackTest
class OffsetResetApiIT {
    private static final OffsetResetRequest EARLIEST = new OffsetResetRequest(OffsetResetTarget.EARLIEST, null, false);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OffsetResetRecords records;

    private ManagementClient client;
    private String cluster;
    private String instanceId;

    @BeforeEach
    void groupOnItsOwnCluster() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
        instanceId = client.createInstance(TestData.instanceOn(cluster), null).id();
        client.createConsumerGroup(instanceId, TestData.group("billing"), null);
    }

    @Test
    void aTimestampResetWithoutTimestampIsAFieldError() {
        var request = new OffsetResetRequest(OffsetResetTarget.TIMESTAMP, null, true);

        assertThatThrownBy(() -> client.resetOffsets(instanceId, "billing", request, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("timestamp");
                });
    }

    @Test
    void aRequestWithoutTargetIsRefusedWith400() {
        assertThatThrownBy(() -> client.exchange("POST", groupPath() + "/offset-resets", "application/json",
                "{\"dryRun\":true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void unknownGroupAndUnknownResetAre404() {
        assertThatThrownBy(() -> client.resetOffsets(instanceId, "no-such-group", EARLIEST, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.undoOffsetReset(instanceId, "billing", UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void onlyTheNewestResetCanBeUndoneAndOnlyOnce() {
        OffsetResetView older = client.resetOffsets(instanceId, "billing", EARLIEST, null);
        OffsetResetView newer = client.resetOffsets(instanceId, "billing",
                new OffsetResetRequest(OffsetResetTarget.LATEST, null, null), null);

        assertThat(client.listOffsetResets(instanceId, "billing", null, null).items())
                .extracting(OffsetResetView::id).containsExactly(newer.id(), older.id());
        assertConflict(() -> client.undoOffsetReset(instanceId, "billing", older.id()));
        OffsetResetView undone = client.undoOffsetReset(instanceId, "billing", newer.id());
        assertThat(undone.undoneAt()).isNotNull();
        assertThat(undone.dryRun()).isFalse();
        assertConflict(() -> client.undoOffsetReset(instanceId, "billing", newer.id()));
    }

    @Test
    void underAnUpgradeLockResetsAndUndoAre423ButADryRunPlans() {
        OffsetResetView applied = client.resetOffsets(instanceId, "billing", EARLIEST, null);
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(6), null);
        client.startUpgradeWindow(cluster, window.id());

        assertLocked(() -> client.resetOffsets(instanceId, "billing", EARLIEST, null));
        assertLocked(() -> client.undoOffsetReset(instanceId, "billing", applied.id()));
        OffsetResetView plan = client.resetOffsets(instanceId, "billing",
                new OffsetResetRequest(OffsetResetTarget.LATEST, null, true), null);
        assertThat(plan.id()).isNull();
        assertThat(plan.dryRun()).isTrue();
        assertThat(client.listOffsetResets(instanceId, "billing", null, null).items()).hasSize(1);
    }

    @Test
    void aResetOlderThanSevenDaysCannotBeUndoneAndIsPurged() {
        OffsetResetView old = client.resetOffsets(instanceId, "billing", EARLIEST, null);
        jdbc.sql("UPDATE offset_resets SET created_at = created_at - interval '8 days' WHERE id = ?::uuid")
                .param(old.id()).update();

        assertThatThrownBy(() -> client.undoOffsetReset(instanceId, "billing", old.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        records.purgeExpired();
        assertThat(client.listOffsetResets(instanceId, "billing", null, null).items()).isEmpty();
    }

    private String groupPath() {
        return "/api/v1/instances/" + instanceId + "/consumer-groups/billing";
    }

    private static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo(ErrorCode.CONFLICT);
        });
    }

    private static void assertLocked(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.code()).isEqualTo(ErrorCode.INSTANCE_LOCKED));
    }
}
