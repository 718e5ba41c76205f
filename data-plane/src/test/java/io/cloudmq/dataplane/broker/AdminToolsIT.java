package io.cloudmq.dataplane.broker;

import static io.cloudmq.dataplane.broker.NoPermission.assertNoPermission;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import java.time.Duration;
import java.util.Set;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code rocketmq-tools} 5.5.0 {@link DefaultMQAdminExt} (the API behind {@code mqadmin}) with default settings
 * and a signing hook. Its admin codes ({@code UPDATE_AND_CREATE_TOPIC} 17, {@code GET_BROKER_CLUSTER_INFO} 106,
 * {@code DELETE_TOPIC_IN_BROKER} 215, {@code DELETE_TOPIC_IN_NAMESRV} 216) work with the operator credential
 * and are refused with {@code NO_PERMISSION} for a tenant credential. A topic made this way lives in the
 * broker's local table only (the control plane's desired state stays the source of truth, see
 * {@code TopicTable}).
 */
@ExtendWith(SharedCluster.class)
class AdminToolsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final BrokerCluster cluster;

    AdminToolsIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void operatorCreatesSeesAndDeletesATopicAndReadsClusterInfo() throws Exception {
        String topic = BrokerCluster.uniqueName("admin-ext-topic");
        DefaultMQAdminExt admin = started(TestCredentials.operatorHook());
        try {
            ClusterInfo clusterInfo = admin.examineBrokerClusterInfo();
            BrokerData broker = clusterInfo.getBrokerAddrTable().get(BrokerCluster.BROKER_NAME);
            assertThat(broker.getBrokerAddrs()).containsValue(cluster.brokerAddress());
            String clusterName = broker.getCluster();
            assertThat(clusterInfo.getClusterAddrTable().get(clusterName)).contains(BrokerCluster.BROKER_NAME);

            admin.createAndUpdateTopicConfig(cluster.brokerAddress(), new TopicConfig(topic, 2, 2));

            await().atMost(DEADLINE).ignoreExceptions().untilAsserted(() -> {
                assertThat(admin.examineTopicRouteInfo(topic).getQueueDatas())
                        .extracting(QueueData::getBrokerName, QueueData::getWriteQueueNums)
                        .containsExactly(tuple(BrokerCluster.BROKER_NAME, 2));
                assertThat(admin.fetchAllTopicList().getTopicList()).contains(topic);
            });

            admin.deleteTopic(topic, clusterName);

            await().atMost(DEADLINE).until(() -> !admin.fetchAllTopicList().getTopicList().contains(topic));
        } finally {
            admin.shutdown();
        }
    }

    @Test
    void tenantCredentialIsRefusedEveryAdminCode() throws Exception {
        Tenant tenant = Tenant.create("nsadminext").register(cluster, "pub+sub", true);
        String topic = tenant.wireName("made-by-admin-ext");
        DefaultMQAdminExt admin = started(tenant.hook());
        try {
            assertNoPermission(admin::examineBrokerClusterInfo);
            assertNoPermission(() -> admin.createAndUpdateTopicConfig(
                    cluster.brokerAddress(), new TopicConfig(topic, 1, 1)));
            assertNoPermission(() -> admin.deleteTopicInBroker(Set.of(cluster.brokerAddress()), topic));
            assertNoPermission(() -> admin.deleteTopicInNameServer(Set.of(cluster.nameServerAddress()), topic));
        } finally {
            admin.shutdown();
        }
    }

    private DefaultMQAdminExt started(RPCHook hook) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(hook);
        admin.setNamesrvAddr(cluster.nameServerAddress());
        admin.start();
        return admin;
    }
}
