package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.ProducerGroupFailuresView;
import io.cloudmq.api.upgrade.RescheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class UpgradeReportApiIT {
    private static final ObservedProducerGroup ORDERS =
            new ObservedProducerGroup("MQ_INST_000000000001_abcdefgh", "pg-orders");
    private static final ObservedProducerGroup AUDIT =
            new ObservedProducerGroup("MQ_INST_000000000001_abcdefgh", "pg-audit");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private ManagementClient client;
    private String cluster;

    @BeforeEach
    void freshClusterWithoutNodes() {
        client = ApiClients.admin(port);
        cluster = TestClusters.create(jdbc);
    }

    @Test
    void aScheduledWindowsReportHasOnlyWhatIsKnownAndOneEntryPerRegisteredGroup() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, observing(List.of(ORDERS, AUDIT)), null);

        UpgradeReportView report = client.getUpgradeReport(cluster, window.id());

        assertThat(report.schemaVersion()).isEqualTo(UpgradeReportView.SCHEMA_VERSION);
        assertThat(report.windowId()).isEqualTo(window.id());
        assertThat(report.state()).isEqualTo(UpgradeWindowState.SCHEDULED);
        assertThat(report.targetVersion()).isEqualTo(window.targetVersion());
        assertThat(report.startedAt()).isNull();
        assertThat(report.finishedAt()).isNull();
        assertThat(report.preCheck()).isNull();
        assertThat(report.canary()).isNull();
        assertThat(report.nodes()).isEmpty();
        assertThat(report.producerGroups()).containsExactly(
                new ProducerGroupFailuresView(ORDERS.instanceId(), ORDERS.producerGroup(), 0),
                new ProducerGroupFailuresView(AUDIT.instanceId(), AUDIT.producerGroup(), 0));
    }

    @Test
    void theWindowShowsItsRegisteredGroupsAndARescheduleReplacesThem() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, observing(List.of(ORDERS)), null);

        UpgradeWindowView moved = client.rescheduleUpgradeWindow(cluster, window.id(),
                new RescheduleUpgradeWindowRequest(window.startsAt().atOffset(ZoneOffset.UTC).plusHours(1),
                        window.duration(), List.of(AUDIT)), window.version());

        assertThat(window.observedProducerGroups()).containsExactly(ORDERS);
        assertThat(moved.observedProducerGroups()).containsExactly(AUDIT);
        assertThat(client.getUpgradeWindow(cluster, window.id()).observedProducerGroups()).containsExactly(AUDIT);
    }

    @Test
    void aWindowScheduledWithoutGroupsObservesNone() {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(3), null);

        assertThat(window.observedProducerGroups()).isEmpty();
        assertThat(client.getUpgradeReport(cluster, window.id()).producerGroups()).isEmpty();
    }

    @Test
    void theReportOfAnUnknownWindowOrClusterIsANotFoundProblem() throws IOException, InterruptedException {
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(4), null);

        assertThatThrownBy(() -> client.getUpgradeReport(cluster, UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> client.getUpgradeReport("no-such-cluster", window.id()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        ApiClients.baseUrl(port).resolve("/api/v1/clusters/" + cluster + "/upgrade-windows/"
                                + UUID.randomUUID() + "/report"))
                .header("Authorization", "Bearer " + ApiClients.bootstrapToken()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(404);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anInvalidRegisteredGroupIsAValidationProblem() {
        ScheduleUpgradeWindowRequest invalid = observing(List.of(new ObservedProducerGroup("", "pg")));

        assertThatThrownBy(() -> client.scheduleUpgradeWindow(cluster, invalid, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION));
    }

    private static ScheduleUpgradeWindowRequest observing(List<ObservedProducerGroup> groups) {
        ScheduleUpgradeWindowRequest request = TestData.window(2);
        return new ScheduleUpgradeWindowRequest(
                request.startsAt(), request.duration(), request.targetVersion(), groups);
    }
}
