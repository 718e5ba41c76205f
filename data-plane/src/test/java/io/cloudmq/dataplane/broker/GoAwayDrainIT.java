package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.NodeProcess;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.config.NodeJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct GO_AWAY test: producers whose route is deliberately stale ({@link StaleRouteLoad}) keep
 * sending to a broker group that is fenced and then drained. No send fails, every acknowledged message is
 * readable afterwards, the drained broker answered GO_AWAY, exited by itself and recovers NORMAL (a clean
 * shutdown) when started again; stopped with SIGTERM then, it runs the same drain. Starts its own cluster (1 name server, 2 masters) because it stops a node.
 */
class GoAwayDrainIT {
    private static final int DRAINED = 0;

    @TempDir
    Path dir;

    @Test
    void staleRouteProducersLoseNoSendWhileABrokerIsFencedAndDrained() throws Exception {
        try (TwoGroupCluster cluster = TwoGroupCluster.start(dir)) {
            String topic = BrokerCluster.uniqueName("go-away-topic");
            String drained = TwoGroupCluster.BROKER_NAMES.get(DRAINED);
            cluster.createTopic(topic, 4);
            NodeDrainResult drain;
            Map<String, SendResult> acknowledged;
            try (StaleRouteLoad load = StaleRouteLoad.start(cluster.nameServerAddress(), topic,
                    TwoGroupCluster.BROKER_NAMES.size())) {
                load.awaitMoreAcknowledged(100);

                NodeDrainResult fence = action(cluster, "/admin/v1/fence");
                assertThat(fence.status()).isEqualTo(NodeDrainStatus.FENCED);
                assertThat(cluster.writableBrokers(topic)).as("the route lost the fenced group's write permission")
                        .containsExactly(TwoGroupCluster.BROKER_NAMES.get(1));
                NodeHealthView health = health(cluster);
                assertThat(health.serving()).isNotNull();
                assertThat(health.serving().drainPhase()).isEqualTo("FENCED");
                assertThat(health.serving().fenced()).isTrue();
                long storedBeforeFence = load.acknowledgedBy(drained);
                load.awaitMoreAcknowledged(100);
                assertThat(load.acknowledgedBy(drained)).as("the fenced master keeps storing what still arrives")
                        .isGreaterThan(storedBeforeFence);

                drain = action(cluster, "/admin/v1/drain");
                assertThat(cluster.broker(DRAINED).awaitExit(Duration.ofSeconds(30))).isZero();
                load.awaitMoreAcknowledged(100);
                acknowledged = Map.copyOf(load.acknowledged());
                load.close();
                assertThat(load.failures()).isEmpty();
            }
            System.out.printf("GO_AWAY drain: %d messages acknowledged, %d GO_AWAY answers, fenced %d ms%n",
                    acknowledged.size(), drain.serving().goAwayAnswers(), drain.serving().fencedMillis());
            assertThat(drain.status()).isEqualTo(NodeDrainStatus.LEFT);
            assertThat(drain.serving().goAwayAnswers()).isPositive();
            assertThat(drain.serving().lastRequestServedAt()).isNotNull();

            NodeProcess restarted = cluster.restartBroker(DRAINED, topic);
            assertThat(restarted.output()).contains("mode=NORMAL").doesNotContain("mode=CRASH");
            assertReadable(cluster, topic, acknowledged);

            restarted.close();
            assertThat(restarted.output()).as("SIGTERM runs the same drain, then closes the store")
                    .contains("SHUTDOWN drain done").contains("Stopped Broker");
        }
    }

    private static NodeHealthView health(TwoGroupCluster cluster) throws Exception {
        HttpResponse<String> response = AdminHttp.get(cluster.brokerAdminPort(DRAINED), "/admin/v1/health",
                NodeProcess.TOKEN);
        return NodeJson.mapper().readValue(response.body(), NodeHealthView.class);
    }

    private static NodeDrainResult action(TwoGroupCluster cluster, String path) throws Exception {
        HttpResponse<String> response = cluster.post(DRAINED, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return NodeJson.mapper().readValue(response.body(), NodeDrainResult.class);
    }

    /** Reads every acknowledged message back by its offset message id (which names the storing broker). */
    private static void assertReadable(TwoGroupCluster cluster, String topic, Map<String, SendResult> acknowledged)
            throws Exception {
        DefaultMQProducer reader = new DefaultMQProducer(BrokerCluster.uniqueName("reader"),
                TestCredentials.operatorHook());
        reader.setNamesrvAddr(cluster.nameServerAddress());
        reader.start();
        try {
            Set<String> brokers = new HashSet<>();
            for (Map.Entry<String, SendResult> entry : acknowledged.entrySet()) {
                MessageExt message = reader.viewMessage(topic, entry.getValue().getOffsetMsgId());
                assertThat(MessageClientIDSetter.getUniqID(message)).isEqualTo(entry.getKey());
                brokers.add(entry.getValue().getMessageQueue().getBrokerName());
            }
            assertThat(brokers).containsExactlyInAnyOrderElementsOf(TwoGroupCluster.BROKER_NAMES);
        } finally {
            reader.shutdown();
        }
    }
}
