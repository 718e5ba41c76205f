package io.cloudmq.controlplane.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.TopicPlacement;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.api.topic.UpdateTopicRequest;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@FullStackTest
class TopicApiIT {
    @LocalServerPort
    int port;

    private ManagementClient client;
    private String instanceId;

    @BeforeEach
    void instance() {
        client = ApiClients.admin(port);
        instanceId = client.createInstance(TestData.instanceOn("local"), null).id();
    }

    @Test
    void createsReadsUpdatesListsAndDeletesATopic() {
        TopicView created = client.createTopic(instanceId, TestData.topic("orders"), null);
        assertThat(created.placement().brokerGroups()).containsExactly("broker-a", "broker-b");
        assertThat(created.permission()).isEqualTo(TopicPermission.READ_WRITE);

        TopicView updated = client.updateTopic(instanceId, "orders",
                new UpdateTopicRequest(null, TopicPermission.READ_ONLY, 8, "grown"), created.version());
        assertThat(updated.placement().queuesPerGroup()).isEqualTo(8);
        assertThat(client.getTopic(instanceId, "orders")).isEqualTo(updated);
        assertThat(client.listTopics(instanceId, null, null).items()).containsExactly(updated);

        client.deleteTopic(instanceId, "orders", updated.version());
        assertThatThrownBy(() -> client.getTopic(instanceId, "orders"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TBW102", "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRACE", "rmq_sys_x", "%RETRY%g", "%DLQ%g",
            "TRANS_CHECK_MAX_TIME_TOPIC", "has space", "dot.ted", ""})
    void reservedOrMalformedNamesAreFieldErrors(String name) {
        assertThatThrownBy(() -> client.createTopic(instanceId, TestData.topic(name), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION);
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("name");
                });
    }

    @Test
    void nameOf65CharactersIsRefusedAnd64Accepted() {
        assertThat(client.createTopic(instanceId, TestData.topic("t".repeat(64)), null).name()).hasSize(64);
        assertThatThrownBy(() -> client.createTopic(instanceId, TestData.topic("t".repeat(65)), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void duplicateNameIs409() {
        client.createTopic(instanceId, TestData.topic("twice"), null);

        assertThatThrownBy(() -> client.createTopic(instanceId, TestData.topic("twice"), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                });
    }

    @Test
    void messageTypeIsImmutableAndFifoQueuesNeverChange() {
        client.createTopic(instanceId, new CreateTopicRequest("fifo", MessageType.FIFO, null, null, null), null);

        var retype = new UpdateTopicRequest(MessageType.NORMAL, null, null, null);
        var grow = new UpdateTopicRequest(null, null, 8, null);
        assertThatThrownBy(() -> client.updateTopic(instanceId, "fifo", retype, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("messageType"));
        assertThatThrownBy(() -> client.updateTopic(instanceId, "fifo", grow, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("queuesPerGroup"));
    }

    @Test
    void queuesOnlyGrowAndPlacementNamesOnlyKnownBrokerGroups() {
        client.createTopic(instanceId, new CreateTopicRequest("placed", MessageType.NORMAL, null,
                new TopicPlacement(List.of("broker-b"), 4), null), null);

        assertThat(client.getTopic(instanceId, "placed").placement().brokerGroups()).containsExactly("broker-b");
        var shrink = new UpdateTopicRequest(null, null, 2, null);
        assertThatThrownBy(() -> client.updateTopic(instanceId, "placed", shrink, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThatThrownBy(() -> client.createTopic(instanceId, new CreateTopicRequest("nowhere", MessageType.NORMAL,
                        null, new TopicPlacement(List.of("broker-z"), 4), null), null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field)
                                .containsExactly("placement.brokerGroups"));
    }

    @Test
    void topicQuotaIsEnforced() {
        String small = client.createInstance(new CreateInstanceRequest("small", null, "local", InstanceTier.SINGLE_NODE,
                new InstanceQuotas(1, null, null, null)), null).id();
        client.createTopic(small, TestData.topic("only"), null);

        assertThatThrownBy(() -> client.createTopic(small, TestData.topic("one-too-many"), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                });
    }

    @Test
    void topicOfUnknownInstanceIs404() {
        assertThatThrownBy(() -> client.createTopic("MQ_INST_000000000000_nothere0", TestData.topic("x"), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
