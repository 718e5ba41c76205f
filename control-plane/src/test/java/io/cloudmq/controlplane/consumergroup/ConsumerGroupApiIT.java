package io.cloudmq.controlplane.consumergroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumptionMode;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.DeliveryOrder;
import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@FullStackTest
class ConsumerGroupApiIT {
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
    void createsWithDefaultsUpdatesListsAndDeletesAGroup() {
        ConsumerGroupView created = client.createConsumerGroup(instanceId, TestData.group("billing"), null);
        assertThat(created.maxRetries()).isEqualTo(16);
        assertThat(created.deliveryOrder()).isEqualTo(DeliveryOrder.CONCURRENTLY);
        assertThat(created.consumptionMode()).isEqualTo(ConsumptionMode.CLUSTERING);

        var change = new UpdateConsumerGroupRequest(DeliveryOrder.ORDERLY, ConsumptionMode.BROADCASTING, 0, null);
        ConsumerGroupView updated = client.updateConsumerGroup(instanceId, "billing", change, created.version());
        assertThat(updated.maxRetries()).isZero();
        assertThat(client.listConsumerGroups(instanceId, null, null).items()).containsExactly(updated);

        client.deleteConsumerGroup(instanceId, "billing", null);
        assertThatThrownBy(() -> client.getConsumerGroup(instanceId, "billing"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLIENT_INNER_PRODUCER", "TOOLS_CONSUMER", "DEFAULT_CONSUMER", "CID_RMQ_SYS_X", "%DLQ%x"})
    void reservedGroupNamesAreFieldErrors(String name) {
        assertThatThrownBy(() -> client.createConsumerGroup(instanceId, TestData.group(name), null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("name"));
    }

    @Test
    void maxRetriesAbove32IsAFieldError() {
        var request = new CreateConsumerGroupRequest("retrying", null, null, 33, null);

        assertThatThrownBy(() -> client.createConsumerGroup(instanceId, request, null))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.errors()).extracting(FieldError::field).containsExactly("maxRetries"));
    }
}
