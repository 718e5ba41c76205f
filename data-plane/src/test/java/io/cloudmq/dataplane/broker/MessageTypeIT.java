package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Per-topic message types enforced against the official producer: a send the topic's type does not accept is
 * refused with {@code MESSAGE_ILLEGAL} (13) and a remark naming the type; an accepted one is stored.
 */
@ExtendWith(SharedCluster.class)
class MessageTypeIT {
    private static final int MESSAGE_ILLEGAL = 13;

    private final BrokerCluster cluster;
    private DefaultMQProducer producer;

    MessageTypeIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void startProducer() throws Exception {
        producer = Clients.producer(cluster);
    }

    @AfterEach
    void stopProducer() {
        producer.shutdown();
    }

    @Test
    void aNormalTopicRefusesADelayedMessageThatADelayTopicTakes() throws Exception {
        String normal = BrokerCluster.uniqueName("normal-topic");
        String delay = BrokerCluster.uniqueName("delay-topic");
        cluster.createTopic(normal, 1, "NORMAL");
        cluster.createTopic(delay, 1, "DELAY");

        assertRefused(delayed(normal), "topic " + normal + " is a NORMAL topic and does not accept a delayed message");
        assertThat(producer.send(delayed(delay)).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    @Test
    void aTransactionTopicRefusesAPlainMessage() throws Exception {
        String transactional = BrokerCluster.uniqueName("transaction-topic");
        cluster.createTopic(transactional, 1, "TRANSACTION");

        assertRefused(new Message(transactional, "plain".getBytes(StandardCharsets.UTF_8)),
                "topic " + transactional + " is a TRANSACTION topic and does not accept a plain message");
    }

    private void assertRefused(Message message, String remark) {
        assertThatThrownBy(() -> producer.send(message)).isInstanceOfSatisfying(MQBrokerException.class, e -> {
            assertThat(e.getResponseCode()).isEqualTo(MESSAGE_ILLEGAL);
            assertThat(e.getErrorMessage()).isEqualTo(remark);
        });
    }

    private static Message delayed(String topic) {
        Message message = new Message(topic, "later".getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(1);
        return message;
    }
}
