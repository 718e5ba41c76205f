package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeReplicationView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeClient;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import io.cloudmq.api.upgrade.PreCheckItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PreCheckRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static final PreCheckLimits LIMITS = new PreCheckLimits(0.85, 1000);
    private static final List<NodeView> HEALTHY = List.of(
            node("namesrv-0", NodeRole.NAMESRV, null, null, NodeState.UP),
            node("broker-a-0", NodeRole.BROKER, "broker-a", 0, NodeState.UP),
            node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.UP),
            node("broker-b-0", NodeRole.BROKER, "broker-b", 0, NodeState.UP),
            node("broker-b-1", NodeRole.BROKER, "broker-b", 1, NodeState.UP));
    private static final Map<String, Integer> QUEUES = Map.of("orders", 8, "%RETRY%billing", 1);
    private static final Map<String, NodeUpgradeReadiness> READY = Map.of(
            "broker-a-0", readiness("broker-a", 0.40, QUEUES, List.of(client("c1", 513))),
            "broker-a-1", readiness("broker-a", 0.41, QUEUES, List.of()),
            "broker-b-0", readiness("broker-b", 0.60, QUEUES, List.of(client("c1", 513), client("c2", 513))),
            "broker-b-1", readiness("broker-b", 0.61, QUEUES, List.of()));
    private static final Map<String, Double> RATES = Map.of("broker-a-0", 300.0, "broker-b-0", 100.0);

    @Test
    void aHealthyClusterWithTheRuntimeInstalledPassesEveryCheck() {
        List<PreCheckItem> items = PreCheckRules.evaluate(inputs(HEALTHY, READY, RATES, version -> version.equals("0.2.0")),
                LIMITS);

        assertThat(items).extracting(PreCheckItem::name).containsExactly("nodes-registered", "nodes-up",
                "writable-broker-groups", "slaves-in-sync", "disk-headroom", "send-headroom", "equal-queue-counts",
                "client-versions", "target-runtime", "no-conflicting-operation");
        assertThat(items).allMatch(PreCheckItem::passed);
        Map<String, PreCheckItem> byName = byName(items);
        assertThat(byName.get("disk-headroom").detail()).isEqualTo("highest disk use 61 % (broker-b-1); the limit is 85 %");
        assertThat(byName.get("equal-queue-counts").detail())
                .isEqualTo("2 topic(s), the same write-queue count on 2 broker group(s)");
        assertThat(byName.get("client-versions").detail())
                .isEqualTo("V5_5_0: 2; every client understands GO_AWAY");
    }

    @Test
    void aDownNodeIsNamed() {
        List<NodeView> nodes = replace(HEALTHY, node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.DOWN));

        PreCheckItem up = evaluate(nodes, READY, RATES).get("nodes-up");

        assertThat(up.passed()).isFalse();
        assertThat(up.detail()).isEqualTo("DOWN: broker-a-1");
    }

    @Test
    void oneWritableGroupIsNotEnoughBecauseFencingItWouldStopAllSends() {
        List<NodeView> nodes = replace(HEALTHY, node("broker-b-0", NodeRole.BROKER, "broker-b", 0, NodeState.DOWN));

        PreCheckItem groups = evaluate(nodes, READY, RATES).get("writable-broker-groups");

        assertThat(groups.passed()).isFalse();
        assertThat(groups.detail()).startsWith("1 broker group(s) have an UP master");
    }

    @Test
    void aSlaveBehindOrWithoutFiguresIsNamed() {
        NodeView behind = withReplication(node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.UP), false, 4096);
        NodeView unknown = new NodeView("broker-b-1", NodeRole.BROKER, "broker-b", 1, NodeState.UP, "0.1.0", 1L,
                null, null, "http://127.0.0.1:1", "127.0.0.1:2", null);

        PreCheckItem sync = evaluate(replace(replace(HEALTHY, behind), unknown), READY, RATES).get("slaves-in-sync");

        assertThat(sync.passed()).isFalse();
        assertThat(sync.detail())
                .isEqualTo("not in sync: broker-a-1 (4096 bytes behind), broker-b-1 (no replication figures yet)");
    }

    @Test
    void aFullDiskOrASilentBrokerFailsTheDiskCheck() {
        Map<String, NodeUpgradeReadiness> answers = new HashMap<>(READY);
        answers.put("broker-a-0", readiness("broker-a", 0.91, QUEUES, List.of()));
        answers.remove("broker-b-1");

        PreCheckItem disk = evaluate(HEALTHY, answers, RATES).get("disk-headroom");

        assertThat(disk.passed()).isFalse();
        assertThat(disk.detail()).isEqualTo("over 85 %: broker-a-0 91 %; no answer: broker-b-1");
    }

    @Test
    void theBusiestGroupsSendsMustFitOnTheOthers() {
        Map<String, PreCheckItem> fits = evaluate(HEALTHY, READY, RATES);
        Map<String, PreCheckItem> overflows = evaluate(HEALTHY, READY, Map.of("broker-a-0", 900.0, "broker-b-0", 200.0));

        assertThat(fits.get("send-headroom").detail())
                .isEqualTo("fencing broker-a (300.0 msg/s) leaves at most 400.0 msg/s on one other group; capacity 1000 msg/s");
        assertThat(overflows.get("send-headroom").passed()).isFalse();
        assertThat(overflows.get("send-headroom").detail()).startsWith("fencing broker-a (900.0 msg/s) leaves at most 1100.0");
    }

    @Test
    void topicsWithDifferentOrMissingQueueCountsAreListed() {
        Map<String, NodeUpgradeReadiness> answers = new HashMap<>(READY);
        answers.put("broker-b-0", readiness("broker-b", 0.5, Map.of("orders", 4), List.of()));

        PreCheckItem queues = evaluate(HEALTHY, answers, RATES).get("equal-queue-counts");

        assertThat(queues.passed()).isFalse();
        assertThat(queues.detail())
                .isEqualTo("queue counts differ: %RETRY%billing (broker-a 1, broker-b none), orders (broker-a 8, broker-b 4)");
    }

    @Test
    void clientsTooOldForGoAwayAreCountedButDoNotStopTheUpgrade() {
        Map<String, NodeUpgradeReadiness> answers = new HashMap<>(READY);
        answers.put("broker-b-0", readiness("broker-b", 0.5, QUEUES, List.of(client("old", 475), client("c1", 513))));

        PreCheckItem clients = evaluate(HEALTHY, answers, RATES).get("client-versions");

        assertThat(clients.passed()).isTrue();
        assertThat(clients.detail()).isEqualTo(
                "V5_3_1: 1, V5_5_0: 1; 1 client(s) too old for GO_AWAY: their sends may fail during a broker's drain");
    }

    @Test
    void aClusterWithoutNodesOrWithoutProvisionerIsNoGo() {
        Map<String, PreCheckItem> items = byName(PreCheckRules.evaluate(inputs(List.of(), Map.of(), Map.of(), null), LIMITS));

        assertThat(items.get("nodes-registered").passed()).isFalse();
        assertThat(items.get("disk-headroom").detail()).isEqualTo("no broker answered");
        assertThat(items.get("target-runtime").passed()).isFalse();
        assertThat(items.get("target-runtime").detail()).contains("no node provisioner");
    }

    @Test
    void aMissingRuntimeIsReportedWithItsVersion() {
        PreCheckItem runtime = byName(PreCheckRules.evaluate(new PreCheckInputs("9.9.9", HEALTHY, version -> false,
                READY, RATES, List.of()), LIMITS)).get("target-runtime");

        assertThat(runtime.passed()).isFalse();
        assertThat(runtime.detail()).isEqualTo("node runtime 9.9.9 is not installed");
    }

    @Test
    void aRunningSwitchoverMakesThePreCheckNoGoAndNamesIt() {
        String switchover = "switchover 0190 of broker group broker-a is RUNNING";
        PreCheckItem conflict = byName(PreCheckRules.evaluate(new PreCheckInputs("0.2.0", HEALTHY, version -> true,
                READY, RATES, List.of(switchover)), LIMITS)).get("no-conflicting-operation");
        PreCheckItem none = evaluate(HEALTHY, READY, RATES).get("no-conflicting-operation");

        assertThat(conflict.passed()).isFalse();
        assertThat(conflict.detail()).isEqualTo(switchover + ": wait until it ended, then start the window");
        assertThat(none.passed()).isTrue();
        assertThat(none.detail()).isEqualTo("no switchover of a broker group runs");
    }

    private static Map<String, PreCheckItem> evaluate(
            List<NodeView> nodes, Map<String, NodeUpgradeReadiness> readiness, Map<String, Double> rates) {
        return byName(PreCheckRules.evaluate(inputs(nodes, readiness, rates, version -> true), LIMITS));
    }

    private static PreCheckInputs inputs(List<NodeView> nodes, Map<String, NodeUpgradeReadiness> readiness,
            Map<String, Double> rates, @Nullable Predicate<String> runtimeInstalled) {
        return new PreCheckInputs("0.2.0", nodes, runtimeInstalled, readiness, rates, List.of());
    }

    private static Map<String, PreCheckItem> byName(List<PreCheckItem> items) {
        return items.stream().collect(Collectors.toMap(PreCheckItem::name, Function.identity()));
    }

    private static List<NodeView> replace(List<NodeView> nodes, NodeView replacement) {
        return nodes.stream().map(node -> node.nodeId().equals(replacement.nodeId()) ? replacement : node).toList();
    }

    private static NodeView node(
            String id, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId, NodeState state) {
        NodeView plain = new NodeView(id, role, brokerName, brokerId, state, "0.1.0", 1L, null, null,
                "http://127.0.0.1:1", "127.0.0.1:2");
        return role == NodeRole.BROKER ? withReplication(plain, true, 0) : plain;
    }

    private static NodeView withReplication(NodeView node, boolean inSync, long lagBytes) {
        String role = Integer.valueOf(0).equals(node.brokerId()) ? "SYNC_MASTER" : "SLAVE";
        return new NodeView(node.nodeId(), node.role(), node.brokerName(), node.brokerId(), node.state(),
                node.version(), node.pid(), null, null, node.adminUrl(), node.remotingAddress(),
                new NodeReplicationView(role, 1, 100, 100, lagBytes, 0, inSync, NOW));
    }

    private static NodeUpgradeReadiness readiness(
            String brokerName, double diskUsedRatio, Map<String, Integer> queues, List<NodeClient> clients) {
        return new NodeUpgradeReadiness(brokerName, diskUsedRatio, queues, clients);
    }

    private static NodeClient client(String clientId, int version) {
        return new NodeClient(clientId, "127.0.0.1:40000", "JAVA", version, NOW);
    }
}
