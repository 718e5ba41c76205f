package io.cloudmq.dataplane.broker;

import static io.cloudmq.dataplane.broker.NoPermission.assertNoPermission;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Another tenant's credential cannot pull from or heartbeat for a tenant's topics and groups. */
@ExtendWith(SharedCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantConsumeIsolationIT {
    private final BrokerCluster cluster;
    private final Tenant tenantA = Tenant.create("nspulla");
    private final Tenant tenantB = Tenant.create("nspullb");

    TenantConsumeIsolationIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeAll
    void createTenants() throws Exception {
        tenantA.register(cluster, "pub+sub", true);
        tenantB.register(cluster, "pub+sub", true);
        cluster.createTopic(tenantA.wireName("orders"), 1);
        cluster.createTopic(tenantB.wireName("orders"), 1);
        cluster.createGroup(tenantA.wireName("shipping"));
        cluster.createGroup(tenantB.wireName("shipping"));
    }

    @Test
    void otherTenantsCredentialCannotPullTheTenantsQueue() throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(tenantB.wireName("shipping"), tenantB.hook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        consumer.start();
        try {
            MessageQueue own = new MessageQueue(tenantB.wireName("orders"), BrokerCluster.BROKER_NAME, 0);
            assertThat(consumer.pull(own, "*", 0, 1)).isNotNull();

            MessageQueue ofA = new MessageQueue(tenantA.wireName("orders"), BrokerCluster.BROKER_NAME, 0);
            assertNoPermission(() -> consumer.pull(ofA, "*", 0, 1));
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void otherTenantsCredentialCannotHeartbeatForTheTenantsGroup() throws Exception {
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(tenantB.wireName("shipping"), tenantB.hook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        consumer.start();
        try {
            MQClientAPIImpl api = consumer.getDefaultMQPullConsumerImpl().getRebalanceImpl().getmQClientFactory()
                    .getMQClientAPIImpl();

            assertThat(api.sendHeartbeat(cluster.brokerAddress(), heartbeat(tenantB.wireName("shipping")), 3000))
                    .isNotNegative();
            assertNoPermission(() -> api.sendHeartbeat(
                    cluster.brokerAddress(), heartbeat(tenantA.wireName("shipping")), 3000));
        } finally {
            consumer.shutdown();
        }
    }

    private static HeartbeatData heartbeat(String group) {
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(group);
        consumer.setConsumeType(ConsumeType.CONSUME_ACTIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID(BrokerCluster.uniqueName("client"));
        heartbeat.getConsumerDataSet().add(consumer);
        return heartbeat;
    }
}
