package io.cloudmq.dataplane.namesrv;

import static io.cloudmq.dataplane.namesrv.OfficialBrokerClient.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our name server against the official 5.5.0 client with default settings (only the name-server address
 * and group names are set), with brokers registered through the official remoting client.
 */
class NameServerIT {
    /** Nothing listens there: registered brokers need not exist for route queries. */
    private static final String MASTER_ADDR = "127.0.0.1:1";
    private static final String SLAVE_ADDR = "127.0.0.1:2";
    private static final int READ_WRITE = 6;
    private static final int READ_WRITE_INHERIT = 7;

    private final MutableClock clock = new MutableClock();
    private NameServer nameServer;
    private String nameServerAddr;
    private final String topic = "T_" + UUID.randomUUID().toString().substring(0, 8);
    private final String group = "G_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startNameServer() {
        RemotingServerConfig remoting = new RemotingServerConfig(
                "127.0.0.1", 0, 1, RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                RemotingServerConfig.DEFAULT_IDLE_TIMEOUT, 1024, 512);
        nameServer = new NameServer(
                new NameServerConfig(remoting, 2, 1000, Duration.ofSeconds(120), Duration.ofMillis(100)),
                new NameServerAccess(RequestAuthorizer.ALLOW_ALL, request -> topic -> true), clock);
        nameServer.start();
        nameServerAddr = "127.0.0.1:" + nameServer.port();
    }

    @AfterEach
    void stopNameServer() {
        nameServer.close();
    }

    private DefaultMQProducer startProducer() throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer("P_" + group);
        producer.setNamesrvAddr(nameServerAddr);
        producer.start();
        return producer;
    }

    private Collection<MessageQueue> liteConsumerQueues() throws MQClientException {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("C_" + group);
        consumer.setNamesrvAddr(nameServerAddr);
        consumer.start();
        try {
            return consumer.fetchMessageQueues(topic);
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void producerSeesThePublishQueuesOfARegisteredTopic() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0)) {
            broker.register(topic(topic, 4, READ_WRITE));
            DefaultMQProducer producer = startProducer();
            try {
                assertThat(producer.fetchPublishMessageQueues(topic))
                        .containsExactlyInAnyOrder(queues("broker-a", 4).toArray(MessageQueue[]::new));
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void liteAndPushConsumersSeeTheSubscribeQueuesOfARegisteredTopic() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0)) {
            broker.register(topic(topic, 4, READ_WRITE));

            assertThat(liteConsumerQueues()).containsExactlyInAnyOrderElementsOf(queues("broker-a", 4));

            DefaultMQPushConsumer push = new DefaultMQPushConsumer("C_" + group);
            push.setNamesrvAddr(nameServerAddr);
            push.subscribe(topic, "*");
            push.registerMessageListener(
                    (MessageListenerConcurrently) (messages, context) -> ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            push.start();
            try {
                assertThat(push.fetchSubscribeMessageQueues(topic)).containsExactlyInAnyOrderElementsOf(queues("broker-a", 4));
            } finally {
                push.shutdown();
            }
        }
    }

    @Test
    void producerSendsToAnUnknownTopicThroughTheTbw102RouteOfAnAutoCreatingBroker() throws Exception {
        try (StubSendBroker stub = new StubSendBroker();
                OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", stub.address(), 0)) {
            broker.register(topic("TBW102", 8, READ_WRITE_INHERIT));
            DefaultMQProducer producer = startProducer();
            try {
                SendResult result = producer.send(new Message(topic, "TagA", "hello".getBytes(StandardCharsets.UTF_8)));

                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(result.getMessageQueue().getQueueId()).as("capped at defaultTopicQueueNums").isBetween(0, 3);
                assertThat(producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get(topic).getMessageQueueList())
                        .hasSize(4);
                assertThat(stub.sends()).singleElement().satisfies(send -> assertThat(send)
                        .containsEntry("b", topic)
                        .containsEntry("c", "TBW102")
                        .containsEntry("d", "4"));
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void producerFailsWithNoRouteWhenNoBrokerAutoCreates() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0)) {
            broker.register(topic("Other", 4, READ_WRITE));
            DefaultMQProducer producer = startProducer();
            try {
                assertThatThrownBy(() -> producer.send(new Message(topic, new byte[] {1})))
                        .isInstanceOf(MQClientException.class)
                        .hasMessageContaining("No route info of this topic");
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void clusterInfoListsRegisteredGroupsAndTheirAddresses() throws Exception {
        try (OfficialBrokerClient master = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0);
                OfficialBrokerClient slave = new OfficialBrokerClient(nameServerAddr, "broker-a", SLAVE_ADDR, 1)) {
            master.register(topic(topic, 4, READ_WRITE));
            RegisterBrokerResponseHeader slaveView = slave.register(topic(topic, 4, READ_WRITE));
            DefaultMQProducer producer = startProducer();
            try {
                ClusterInfo info = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl()
                        .getBrokerClusterInfo(3000);

                assertThat(info.getClusterAddrTable()).containsEntry("DefaultCluster", Set.of("broker-a"));
                assertThat(info.getBrokerAddrTable().get("broker-a").getBrokerAddrs())
                        .isEqualTo(Map.of(0L, MASTER_ADDR, 1L, SLAVE_ADDR));
                assertThat(slaveView.getMasterAddr()).isEqualTo(MASTER_ADDR);
                assertThat(slaveView.getHaServerAddr()).isEqualTo("127.0.0.1:10912");
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void adminCallsListAndDeleteTopics() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0)) {
            broker.register(topic(topic, 4, READ_WRITE), topic("Kept", 1, READ_WRITE));
            DefaultMQProducer producer = startProducer();
            try {
                MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
                assertThat(api.getTopicListFromNameServer(3000).getTopicList()).containsExactlyInAnyOrder(topic, "Kept");

                api.deleteTopicInNameServer(nameServerAddr, "DefaultCluster", topic, 3000);

                assertThat(api.getTopicListFromNameServer(3000).getTopicList()).containsExactly("Kept");
            } finally {
                producer.shutdown();
            }
        }
    }

    @Test
    void dropsABrokerWhoseConnectionCloses() throws Exception {
        OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0);
        broker.register(topic(topic, 4, READ_WRITE));
        assertThat(nameServer.routes().route(topic)).isPresent();

        broker.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> nameServer.routes().route(topic).isEmpty());
        assertThatThrownBy(this::liteConsumerQueues).isInstanceOf(MQClientException.class);
    }

    @Test
    void dropsABrokerSilentForLongerThan120Seconds() throws Exception {
        try (OfficialBrokerClient silent = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0);
                OfficialBrokerClient alive = new OfficialBrokerClient(nameServerAddr, "broker-b", SLAVE_ADDR, 0)) {
            silent.register(topic(topic, 4, READ_WRITE));
            clock.advance(Duration.ofSeconds(61));
            alive.register(topic(topic, 4, READ_WRITE));

            clock.advance(Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> nameServer.routes().clusterInfo().brokerAddrTable().keySet(), keys -> keys.equals(Set.of("broker-b")));
            assertThat(liteConsumerQueues()).containsExactlyInAnyOrderElementsOf(queues("broker-b", 4));
        }
    }

    @Test
    void slaveKeepsTheGroupsQueuesWhenTheMasterUnregisters() throws Exception {
        try (OfficialBrokerClient master = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0);
                OfficialBrokerClient slave = new OfficialBrokerClient(nameServerAddr, "broker-a", SLAVE_ADDR, 1)) {
            master.register(topic(topic, 4, READ_WRITE));
            slave.register(topic(topic, 4, READ_WRITE));

            master.unregister();

            assertThat(liteConsumerQueues()).containsExactlyInAnyOrderElementsOf(queues("broker-a", 4));
            assertThat(nameServer.routes().route(topic).orElseThrow().brokerDatas().get(0).brokerAddrs())
                    .containsExactly(Map.entry(1L, SLAVE_ADDR));
        }
    }

    @Test
    void closesAConnectionSendingAMalformedFrameWhileOtherClientsKeepWorking() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0);
                Socket garbage = new Socket("127.0.0.1", nameServer.port())) {
            broker.register(topic(topic, 4, READ_WRITE));
            OutputStream out = garbage.getOutputStream();
            out.write(new byte[] {0, 0, 0, 8, 0, 0, 0, 100, '{', '"', 'c', '"'});
            out.flush();

            assertThat(garbage.getInputStream().read()).isEqualTo(-1);
            assertThat(liteConsumerQueues()).hasSize(4);
        }
    }

    @Test
    void answersARequestWithABinaryHeaderInBinary() throws Exception {
        try (OfficialBrokerClient broker = new OfficialBrokerClient(nameServerAddr, "broker-a", MASTER_ADDR, 0)) {
            broker.register(topic(topic, 4, READ_WRITE));
            GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
            header.setTopic(topic);
            RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
            request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);

            RemotingCommand response = broker.invoke(request);

            assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(response.getSerializeTypeCurrentRPC()).isEqualTo(SerializeType.ROCKETMQ);
            TopicRouteData route = TopicRouteData.decode(response.getBody(), TopicRouteData.class);
            assertThat(route.getQueueDatas()).singleElement().satisfies(queue -> {
                assertThat(queue.getBrokerName()).isEqualTo("broker-a");
                assertThat(queue.getWriteQueueNums()).isEqualTo(4);
                assertThat(queue.getPerm()).isEqualTo(READ_WRITE);
            });
            assertThat(route.getBrokerDatas().get(0).getBrokerAddrs()).containsExactly(Map.entry(0L, MASTER_ADDR));
        }
    }

    private Set<MessageQueue> queues(String brokerName, int count) {
        return IntStream.range(0, count)
                .mapToObj(id -> new MessageQueue(topic, brokerName, id))
                .collect(Collectors.toSet());
    }
}
