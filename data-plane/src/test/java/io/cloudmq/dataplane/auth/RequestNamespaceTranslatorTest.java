package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.Tenants.NS_A;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.LockBatchResponseBody;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.remoting.protocol.heartbeat.HeartbeatData;
import org.junit.jupiter.api.Test;

class RequestNamespaceTranslatorTest {
    private final RequestNamespaceTranslator translator = new RequestNamespaceTranslator();

    @Test
    void wrapsTheHeaderNamesOfANamespaceV2Request() {
        RemotingCommand pull = v2(ClientRequests.pull("CG", "orders"));

        RemotingCommand translated = translator.inbound(pull);

        assertThat(translated.extField("topic")).isEqualTo(NS_A + "%orders");
        assertThat(translated.extField("consumerGroup")).isEqualTo(NS_A + "%CG");
        assertThat(translated.extField("queueId")).isEqualTo(pull.extField("queueId"));
    }

    @Test
    void wrapsTheBodyNamesOfAHeartbeatButNotSystemNames() {
        RemotingCommand translated = translator.inbound(v2(ClientRequests.heartbeat("CG", "orders", "PG")));

        HeartbeatData heartbeat = HeartbeatData.decode(translated.body(), HeartbeatData.class);
        var consumer = heartbeat.getConsumerDataSet().iterator().next();
        assertThat(consumer.getGroupName()).isEqualTo(NS_A + "%CG");
        assertThat(consumer.getSubscriptionDataSet()).extracting(s -> s.getTopic())
                .containsExactlyInAnyOrder(NS_A + "%orders", "%RETRY%" + NS_A + "%CG");
        assertThat(heartbeat.getProducerDataSet()).extracting(p -> p.getGroupName())
                .containsExactlyInAnyOrder(NS_A + "%PG", NS_A + "%CLIENT_INNER_PRODUCER");
    }

    @Test
    void wrapsLockRequestsAndStripsTheLockedQueuesInTheAnswer() {
        RemotingCommand lock = v2(ClientRequests.lock(RequestCode.LOCK_BATCH_MQ, "CG", "orders"));

        LockBatchRequestBody body = LockBatchRequestBody.decode(translator.inbound(lock).body(), LockBatchRequestBody.class);
        assertThat(body.getConsumerGroup()).isEqualTo(NS_A + "%CG");
        assertThat(body.getMqSet()).extracting(MessageQueue::getTopic).containsOnly(NS_A + "%orders");

        RemotingCommand answer = RemotingCommand.responseTo(lock, ResponseCode.SUCCESS, null).withBody(RemotingJson.encode(
                new LockBatchResponseBody(Set.of(
                        new io.cloudmq.dataplane.remoting.protocol.body.MessageQueue(NS_A + "%orders", "broker-a", 0)))));
        LockBatchResponseBody stripped = RemotingJson.decode(
                translator.outbound(lock, answer).body(), LockBatchResponseBody.class);
        assertThat(stripped.lockOKMQSet()).extracting(queue -> queue.topic()).containsExactly("orders");
    }

    @Test
    void leavesRequestsWithoutNamespaceAndTheirAnswersAsTheyAre() {
        RemotingCommand lock = OfficialRequests.signed(
                ClientRequests.lock(RequestCode.LOCK_BATCH_MQ, NS_A + "%CG", NS_A + "%orders"), "ak", "sk");
        RemotingCommand answer = RemotingCommand.responseTo(lock, ResponseCode.SUCCESS, null).withBody(new byte[] {1});

        assertThat(translator.inbound(lock)).isSameAs(lock);
        assertThat(translator.outbound(lock, answer)).isSameAs(answer);
    }

    private static RemotingCommand v2(org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
        return OfficialRequests.signedWithNamespaceV2(request, NS_A, "ak", "sk");
    }
}
