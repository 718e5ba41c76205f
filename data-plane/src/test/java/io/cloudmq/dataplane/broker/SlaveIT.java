package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slave (broker id 1) registers next to its master and serves reads of its own store; replication is a later
 * issue, so that store stays empty and the slave refuses writes. Starts its own cluster (it adds a node).
 */
class SlaveIT {
    private static final long TIMEOUT_MILLIS = 3000;

    @TempDir
    Path dir;

    @Test
    void aSlaveRegistersServesItsOwnEmptyStoreAndRefusesSends() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"))) {
            String topic = BrokerCluster.uniqueName("slave-topic");
            cluster.createTopic(topic, 1);
            String slave = cluster.startSlave();
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                producer.send(new Message(topic, new byte[] {1}));
                MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();

                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    TopicRouteData route = api.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS);
                    return route.getBrokerDatas().get(0).getBrokerAddrs().size() == 2;
                });
                assertThat(maxOffset(api, cluster.brokerAddress(), topic)).isEqualTo(1);
                assertThat(maxOffset(api, slave, topic)).isZero();
                SendMessageRequestHeader header = new SendMessageRequestHeader();
                header.setProducerGroup("slave-it");
                header.setTopic(topic);
                header.setDefaultTopic("TBW102");
                header.setDefaultTopicQueueNums(4);
                header.setQueueId(0);
                header.setSysFlag(0);
                header.setBornTimestamp(System.currentTimeMillis());
                header.setFlag(0);
                assertThatThrownBy(() -> api.sendMessage(slave, BrokerCluster.BROKER_NAME, new Message(topic, new byte[] {2}),
                        header, TIMEOUT_MILLIS, CommunicationMode.SYNC, null, producer.getDefaultMQProducerImpl()))
                        .isInstanceOfSatisfying(MQBrokerException.class,
                                e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.NO_PERMISSION));
            } finally {
                producer.shutdown();
            }
        }
    }

    private static long maxOffset(MQClientAPIImpl api, String address, String topic) throws Exception {
        return api.getMaxOffset(address, new MessageQueue(topic, BrokerCluster.BROKER_NAME, 0), TIMEOUT_MILLIS);
    }
}
