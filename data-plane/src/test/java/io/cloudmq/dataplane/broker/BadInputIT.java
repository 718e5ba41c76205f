package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import io.cloudmq.dataplane.TestCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Garbage on one connection never stops the broker from serving the others. */
@ExtendWith(SharedCluster.class)
class BadInputIT {
    private final BrokerCluster cluster;

    BadInputIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void randomBytesAndAHugeLengthPrefixCloseOnlyTheirConnection() throws Exception {
        String topic = BrokerCluster.uniqueName("bad-input-topic");
        cluster.createTopic(topic, 2);
        DefaultMQProducer producer = Clients.producer(cluster);
        try {
            assertThat(producer.send(new Message(topic, new byte[] {1})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            byte[] garbage = new byte[4096];
            new Random(3).nextBytes(garbage);
            assertThat(sendAndAwaitClose(garbage)).as("random bytes close the connection").isTrue();
            assertThat(sendAndAwaitClose(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}))
                    .as("a 2 GiB length prefix closes the connection").isTrue();

            assertThat(producer.send(new Message(topic, new byte[] {2})).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void anUnknownCodeIsAnsweredNotSupportedWithItsOpaque() throws Exception {
        byte[] header = "{\"code\":9999,\"extFields\":{},\"flag\":0,\"language\":\"JAVA\",\"opaque\":77,\"version\":513}"
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", cluster.brokerPort())) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(4 + header.length);
            out.writeInt(header.length);
            out.write(header);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int length = in.readInt();
            int headerLength = in.readInt() & 0xFFFFFF;
            byte[] response = new byte[headerLength];
            in.readFully(response);

            assertThat(length).isGreaterThanOrEqualTo(4 + headerLength);
            assertThat(new String(response, StandardCharsets.UTF_8))
                    .contains("\"code\":" + ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "\"opaque\":77");
        }
    }

    /**
     * Uses the deprecated but still shipped {@code DefaultMQPullConsumer}: it is the client API that surfaces a
     * pull's response code to the caller.
     */
    @Test
    void aPullForAGroupNobodyCreatedAnswersSubscriptionGroupNotExist() throws Exception {
        String topic = BrokerCluster.uniqueName("unknown-group-topic");
        cluster.createTopic(topic, 1);
        DefaultMQPullConsumer consumer = new DefaultMQPullConsumer(BrokerCluster.uniqueName("never-created-group"),
                TestCredentials.operatorHook());
        consumer.setNamesrvAddr(cluster.nameServerAddress());
        consumer.start();
        try {
            assertThatThrownBy(() -> consumer.pull(new MessageQueue(topic, BrokerCluster.BROKER_NAME, 0), "*", 0, 32))
                    .isInstanceOfSatisfying(MQBrokerException.class,
                            e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST));
        } finally {
            consumer.shutdown();
        }
    }

    /** Writes {@code bytes} on a fresh connection and reports whether the broker closed it. */
    private boolean sendAndAwaitClose(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", cluster.brokerPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            try {
                return socket.getInputStream().read() == -1;
            } catch (SocketException e) {
                return true;
            }
        }
    }
}
