package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.OfficialRequests.request;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.body.CheckClientRequestBody;
import org.apache.rocketmq.remoting.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.remoting.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.remoting.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.remoting.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;

/** The requests the official client sends most, built with its own header and body classes. */
final class ClientRequests {
    static final byte[] BODY = "hello \u0001 world".getBytes(StandardCharsets.UTF_8);

    private ClientRequests() {}

    static SendMessageRequestHeader sendHeader(String producerGroup, String topic) {
        SendMessageRequestHeader header = new SendMessageRequestHeader();
        header.setProducerGroup(producerGroup);
        header.setTopic(topic);
        header.setDefaultTopic("TBW102");
        header.setDefaultTopicQueueNums(4);
        header.setQueueId(1);
        header.setSysFlag(0);
        header.setBornTimestamp(1_700_000_000_000L);
        header.setFlag(0);
        header.setProperties("KEYS\u0001k1\u0002TAGS\u0001tagA\u0002");
        header.setReconsumeTimes(0);
        header.setUnitMode(false);
        header.setBatch(false);
        header.setBrokerName("broker-a");
        return header;
    }

    /** SEND_MESSAGE_V2 (310), as {@code DefaultMQProducer.send} sends a single message. */
    static RemotingCommand sendV2(String producerGroup, String topic) {
        return request(RequestCode.SEND_MESSAGE_V2,
                SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(sendHeader(producerGroup, topic)), BODY);
    }

    static PullMessageRequestHeader pullHeader(String group, String topic) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(topic);
        header.setQueueId(0);
        header.setQueueOffset(0L);
        header.setMaxMsgNums(32);
        header.setSysFlag(3);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(15_000L);
        header.setSubVersion(1_700_000_000_000L);
        header.setExpressionType("TAG");
        header.setMaxMsgBytes(262_144);
        header.setBrokerName("broker-a");
        return header;
    }

    static RemotingCommand pull(String group, String topic) {
        return request(RequestCode.PULL_MESSAGE, pullHeader(group, topic), null);
    }

    /** HEART_BEAT (34) of a push consumer: its group, its topic and retry topic, the inner producer. */
    static RemotingCommand heartbeat(String consumerGroup, String topic, String producerGroup) {
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(consumerGroup);
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setSubscriptionDataSet(Set.of(subscription(topic), subscription("%RETRY%" + consumerGroup)));
        ProducerData producer = new ProducerData();
        producer.setGroupName(producerGroup);
        ProducerData inner = new ProducerData();
        inner.setGroupName("CLIENT_INNER_PRODUCER");
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("10.0.0.9@12345#8712345678");
        heartbeat.setConsumerDataSet(Set.of(consumer));
        heartbeat.setProducerDataSet(Set.of(producer, inner));
        return request(RequestCode.HEART_BEAT, null, heartbeat.encode());
    }

    static RemotingCommand lock(int code, String group, String topic) {
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup(group);
        body.setClientId("cid");
        body.setMqSet(Set.of(new MessageQueue(topic, "broker-a", 0), new MessageQueue(topic, "broker-a", 1)));
        return request(code, null, body.encode());
    }

    static RemotingCommand checkClientConfig(String group, String topic) {
        CheckClientRequestBody body = new CheckClientRequestBody();
        body.setClientId("cid");
        body.setGroup(group);
        body.setSubscriptionData(subscription(topic));
        return request(RequestCode.CHECK_CLIENT_CONFIG, null, body.encode());
    }

    private static SubscriptionData subscription(String topic) {
        SubscriptionData subscription = new SubscriptionData();
        subscription.setTopic(topic);
        subscription.setSubString("*");
        subscription.setExpressionType("TAG");
        return subscription;
    }
}
