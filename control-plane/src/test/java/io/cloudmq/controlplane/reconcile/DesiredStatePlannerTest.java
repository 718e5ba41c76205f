package io.cloudmq.controlplane.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumptionMode;
import io.cloudmq.api.consumergroup.DeliveryOrder;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.TopicPlacement;
import io.cloudmq.api.topic.TopicView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredStatePlannerTest {
    private static final String SHOP = "MQ_INST_000000000001_shop0001";
    private static final String BANK = "MQ_INST_000000000002_bank0002";
    private static final DesiredCredential CREDENTIAL =
            new DesiredCredential("AK1", SHOP, "pub", List.of(), List.of(), true, "v1.sealed");
    private static final DesiredOperatorCredential OPERATOR = new DesiredOperatorCredential("OPS", "v1.sealed-ops");

    private final ClusterSnapshot snapshot = new ClusterSnapshot("c1", 7,
            List.of(instance(SHOP, 4096), instance(BANK, 1024)),
            List.of(topic(SHOP, "orders", MessageType.NORMAL, TopicPermission.READ_WRITE, List.of("broker-a", "broker-b"), 8),
                    topic(SHOP, "audit", MessageType.FIFO, TopicPermission.WRITE_ONLY, List.of("broker-b"), 2),
                    topic(BANK, "payments", MessageType.TRANSACTION, TopicPermission.READ_ONLY, List.of("broker-a"), 4)),
            List.of(group(SHOP, "shipping", DeliveryOrder.CONCURRENTLY, ConsumptionMode.BROADCASTING, 16),
                    group(BANK, "ledger", DeliveryOrder.ORDERLY, ConsumptionMode.CLUSTERING, 3)),
            List.of(CREDENTIAL), OPERATOR);

    @Test
    void brokerGetsTheTopicsPlacedOnItsGroupWithNamespacedNamesPermissionBitsAndTheInstanceQuota() {
        DesiredState state = DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-a");

        assertThat(state.generation()).isEqualTo(7);
        assertThat(state.topics()).containsExactly(
                new DesiredTopic(SHOP + "%orders", 8, 6, "NORMAL", 4096),
                new DesiredTopic(BANK + "%payments", 4, 4, "TRANSACTION", 1024));
    }

    @Test
    void otherBrokerGroupGetsOnlyItsOwnPlacement() {
        DesiredState state = DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-b");

        assertThat(state.topics()).containsExactly(
                new DesiredTopic(SHOP + "%audit", 2, 2, "FIFO", 4096),
                new DesiredTopic(SHOP + "%orders", 8, 6, "NORMAL", 4096));
    }

    @Test
    void everyBrokerGetsTheGroupsOfEveryInstanceWithTheirDeliverySettings() {
        List<DesiredGroup> expected = List.of(
                new DesiredGroup(SHOP + "%shipping", 16, false, true),
                new DesiredGroup(BANK + "%ledger", 3, true, false));

        assertThat(DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-a").groups()).isEqualTo(expected);
        assertThat(DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-c").groups()).isEqualTo(expected);
        assertThat(DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-c").topics()).isEmpty();
    }

    @Test
    void nameServerGetsTheGenerationAndTheCredentialsWithoutTopicsOrGroups() {
        assertThat(DesiredStatePlanner.forNode(snapshot, NodeRole.NAMESRV, null))
                .isEqualTo(new DesiredState(7, List.of(), List.of(), List.of(CREDENTIAL), OPERATOR));
    }

    @Test
    void brokerGetsEveryCredentialAndTheOperatorCredential() {
        DesiredState state = DesiredStatePlanner.forNode(snapshot, NodeRole.BROKER, "broker-c");

        assertThat(state.credentials()).containsExactly(CREDENTIAL);
        assertThat(state.operator()).isEqualTo(OPERATOR);
    }

    @Test
    void wireNameIsTheInstanceIdAsNamespace() {
        assertThat(DesiredStatePlanner.wireName(SHOP, "orders")).isEqualTo("MQ_INST_000000000001_shop0001%orders");
    }

    private static InstanceView instance(String id, int maxMessageBytes) {
        return new InstanceView(id, id, null, "c1", InstanceTier.SINGLE_NODE,
                new InstanceQuotas(50, 50, 72, maxMessageBytes), Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static TopicView topic(String instanceId, String name, MessageType type, TopicPermission permission,
            List<String> groups, int queues) {
        return new TopicView(instanceId, name, type, permission, new TopicPlacement(groups, queues), null,
                Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static ConsumerGroupView group(String instanceId, String name, DeliveryOrder order, ConsumptionMode mode,
            int maxRetries) {
        return new ConsumerGroupView(instanceId, name, order, mode, maxRetries, null, Instant.EPOCH, Instant.EPOCH, 0);
    }
}
