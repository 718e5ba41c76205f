package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request captured with its valid signature and sent again with another body is refused: the signature
 * covers the body (spec §7). Sent through the official {@link NettyRemotingClient}, signed by the official
 * {@code AclClientRPCHook}; the replay is a copy of the signed ext fields without any hook.
 */
@ExtendWith(SharedCluster.class)
class ReplayedRequestIT {
    private static final long TIMEOUT_MILLIS = 3000;

    private final BrokerCluster cluster;

    ReplayedRequestIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aSignedSendReplayedWithAnotherBodyIsRefusedAndTheBrokerKeepsServing() throws Exception {
        Tenant tenant = Tenant.create("nsreplay").register(cluster, "pub+sub", true);
        cluster.createTopic(tenant.wireName("orders"), 1);
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
        DefaultMQProducer honest = tenant.producer(cluster);
        try {
            RemotingCommand original = send(tenant, "pay 10");
            tenant.hook().doBeforeRequest(cluster.brokerAddress(), original);
            RemotingCommand replay = RemotingCommand.createRequestCommand(original.getCode(), null);
            replay.setExtFields(new HashMap<>(original.getExtFields()));
            replay.setBody("pay 10000".getBytes(StandardCharsets.UTF_8));

            assertThat(client.invokeSync(cluster.brokerAddress(), original, TIMEOUT_MILLIS).getCode())
                    .isEqualTo(ResponseCode.SUCCESS);
            RemotingCommand refused = client.invokeSync(cluster.brokerAddress(), replay, TIMEOUT_MILLIS);
            assertThat(refused.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
            assertThat(refused.getRemark()).contains("signature");

            assertThat(honest.send(new Message("orders", new byte[] {1})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            honest.shutdown();
            client.shutdown();
        }
    }

    /** SEND_MESSAGE_V2 of one message to the tenant's queue 0, unsigned. */
    private static RemotingCommand send(Tenant tenant, String body) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(tenant.wireName("replayers"));
        header.setTopic(tenant.wireName("orders"));
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(0);
        header.setSysFlag(0);
        header.setBornTimestamp(System.currentTimeMillis());
        header.setFlag(0);
        header.setProperties("");
        header.setReconsumeTimes(0);
        header.setUnitMode(false);
        header.setBatch(false);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(header));
        request.setBody(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
