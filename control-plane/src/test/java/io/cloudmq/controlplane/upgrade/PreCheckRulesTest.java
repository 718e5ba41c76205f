package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.PreCheckItem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PreCheckRulesTest {
    private static final List<NodeView> HEALTHY = List.of(
            node("namesrv-0", NodeRole.NAMESRV, null, null, NodeState.UP),
            node("broker-a-0", NodeRole.BROKER, "broker-a", 0, NodeState.UP),
            node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.UP),
            node("broker-b-0", NodeRole.BROKER, "broker-b", 0, NodeState.UP));

    @Test
    void aHealthyClusterWithTheRuntimeInstalledPassesEveryCheck() {
        List<PreCheckItem> items = PreCheckRules.evaluate("0.2.0", HEALTHY, version -> version.equals("0.2.0"));

        assertThat(items).extracting(PreCheckItem::name)
                .containsExactly("nodes-registered", "nodes-up", "writable-broker-groups", "target-runtime");
        assertThat(items).allMatch(PreCheckItem::passed);
    }

    @Test
    void aDownNodeIsNamed() {
        List<NodeView> nodes = List.of(HEALTHY.get(0), HEALTHY.get(1),
                node("broker-a-1", NodeRole.BROKER, "broker-a", 1, NodeState.DOWN), HEALTHY.get(3));

        PreCheckItem up = byName(PreCheckRules.evaluate("0.2.0", nodes, version -> true)).get("nodes-up");

        assertThat(up.passed()).isFalse();
        assertThat(up.detail()).isEqualTo("DOWN: broker-a-1");
    }

    @Test
    void oneWritableGroupIsNotEnoughBecauseFencingItWouldStopAllSends() {
        List<NodeView> nodes = List.of(HEALTHY.get(0), HEALTHY.get(1), HEALTHY.get(2),
                node("broker-b-0", NodeRole.BROKER, "broker-b", 0, NodeState.DOWN));

        PreCheckItem groups = byName(PreCheckRules.evaluate("0.2.0", nodes, version -> true))
                .get("writable-broker-groups");

        assertThat(groups.passed()).isFalse();
        assertThat(groups.detail()).startsWith("1 broker group(s) have an UP master");
    }

    @Test
    void aClusterWithoutNodesOrWithoutProvisionerIsNoGo() {
        Map<String, PreCheckItem> items = byName(PreCheckRules.evaluate("0.2.0", List.of(), null));

        assertThat(items.get("nodes-registered").passed()).isFalse();
        assertThat(items.get("target-runtime").passed()).isFalse();
        assertThat(items.get("target-runtime").detail()).contains("no node provisioner");
    }

    @Test
    void aMissingRuntimeIsReportedWithItsVersion() {
        PreCheckItem runtime = byName(PreCheckRules.evaluate("9.9.9", HEALTHY, version -> false)).get("target-runtime");

        assertThat(runtime.passed()).isFalse();
        assertThat(runtime.detail()).isEqualTo("node runtime 9.9.9 is not installed");
    }

    private static Map<String, PreCheckItem> byName(List<PreCheckItem> items) {
        return items.stream().collect(Collectors.toMap(PreCheckItem::name, Function.identity()));
    }

    private static NodeView node(
            String id, NodeRole role, @Nullable String brokerName, @Nullable Integer brokerId, NodeState state) {
        return new NodeView(id, role, brokerName, brokerId, state, "0.1.0", 1L, null, null,
                "http://127.0.0.1:1", "127.0.0.1:2");
    }
}
