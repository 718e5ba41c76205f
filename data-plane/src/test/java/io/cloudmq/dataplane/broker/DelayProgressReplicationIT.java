package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.broker.FailoverGroup.Member;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delayed-message progress replicates ({@code GET_ALL_DELAY_OFFSET}, 45): a slave copies its master's progress,
 * answers the same table, and after its promotion the new master resumes from it and keeps delivering — asked
 * with the official client's remoting (signed with the operator credential, as the broker requires for an
 * admin code).
 */
class DelayProgressReplicationIT {
    private static final int DELAYED = 5;
    private static final long TIMEOUT_MILLIS = 3000;

    @TempDir
    Path dir;

    @Test
    void aPromotedSlaveResumesDelayedDeliveryFromItsMastersReplicatedProgress() throws Exception {
        String topic = BrokerCluster.uniqueName("delayed");
        try (FailoverGroup group = FailoverGroup.start(dir, topic, 2, BrokerCluster.uniqueName("reader"),
                FailoverGroup.SYNC_MASTER, "DELAY")) {
            Member master = group.member(0);
            Member slave = group.member(1);
            group.awaitInSync(master);
            DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"),
                    TestCredentials.operatorHook());
            producer.setNamesrvAddr(group.nameServerAddress());
            producer.start();
            try {
                MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
                for (int i = 0; i < DELAYED; i++) {
                    int index = i;
                    // on a loaded machine the first sends may time out (and still be stored): send until acknowledged
                    await("delayed message " + i + " acknowledged").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                            .until(() -> sendDelayed(producer, topic, index) == SendStatus.SEND_OK);
                }
                await("the master delivers every delayed message").atMost(FailoverGroup.DEADLINE)
                        .until(() -> levelOneProgress(api, master) >= DELAYED);
                await("the slave copies the master's progress").atMost(FailoverGroup.DEADLINE)
                        .until(() -> levelOneProgress(api, slave) == levelOneProgress(api, master));
                long delivered = levelOneProgress(api, master);

                group.kill(master);
                HttpResponse<String> promotion = group.promote(slave, 1);
                assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(200);

                assertThat(levelOneProgress(api, slave)).as("the new master's progress right after promotion")
                        .isEqualTo(delivered);
                // stored either way: without its slave the promoted SYNC_MASTER answers SLAVE_NOT_AVAILABLE
                await("the producer reaches the new master").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                        .until(() -> sendDelayed(producer, topic, DELAYED) != null);
                await("the new master delivers from there").atMost(FailoverGroup.DEADLINE)
                        .until(() -> levelOneProgress(api, slave) > delivered);
            } finally {
                producer.shutdown();
            }
        }
    }

    /** Sends a message of delay level 1; the broker's answer. */
    private static SendStatus sendDelayed(DefaultMQProducer producer, String topic, int index) throws Exception {
        Message message = new Message(topic, ("delayed-" + index).getBytes(StandardCharsets.UTF_8));
        message.setDelayTimeLevel(1);
        return producer.send(message).getSendStatus();
    }

    /** The next undelivered offset of delay level 1 that {@code member} answers to {@code GET_ALL_DELAY_OFFSET}. */
    private static long levelOneProgress(MQClientAPIImpl api, Member member) throws Exception {
        RemotingCommand response = api.getRemotingClient().invokeSync(member.address(),
                RemotingCommand.createRequestCommand(45, null), TIMEOUT_MILLIS);
        assertThat(response.getCode()).as(response.getRemark()).isEqualTo(ResponseCode.SUCCESS);
        JsonNode table = JsonMapper.builder().build().readTree(response.getBody()).get("offsetTable");
        return table.get("1").asLong();
    }
}
