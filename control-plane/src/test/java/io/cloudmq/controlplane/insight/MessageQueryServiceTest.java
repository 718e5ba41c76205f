package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.cloudmq.api.message.DeliveryState;
import io.cloudmq.api.message.MessageDeliveryView;
import io.cloudmq.api.message.MessageView;
import io.cloudmq.api.node.NodeRole;
import io.cloudmq.api.node.NodeState;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.node.read.NodeDelivery;
import io.cloudmq.api.node.read.NodeMessage;
import io.cloudmq.api.node.read.NodeMessages;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.controlplane.node.NodeAdminClient;
import io.cloudmq.controlplane.node.NodeRead;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.topic.TopicService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageQueryServiceTest {
    private static final String INSTANCE = "MQ_INST_1";
    private static final NodeView BROKER_A = new NodeView("broker-a-0", NodeRole.BROKER, "broker-a", 0, NodeState.UP,
            "1", 1L, null, null, "http://a", "127.0.0.1:1");

    private final InstanceNames names = mock(InstanceNames.class);
    private final BrokerReaders readers = mock(BrokerReaders.class);
    private final NodeAdminClient admin = mock(NodeAdminClient.class);
    private final TopicService topics = mock(TopicService.class);
    private final MessageQueryService service = new MessageQueryService(names, readers, admin, topics);

    @BeforeEach
    void oneBrokerGroup() {
        given(names.clusterOf(INSTANCE)).willReturn("local");
        given(names.clusterOfTopic(INSTANCE, "orders")).willReturn("local");
        given(readers.of("local")).willReturn(List.of(BROKER_A));
    }

    private static NodeMessage message(String id, String wireTopic, long queueOffset, NodeDelivery... deliveries) {
        return new NodeMessage(id, wireTopic, Map.of("TAGS", "tagA", "KEYS", "k1 k2", "UNIQ_KEY", "U-" + id), 5, "hello",
                Instant.ofEpochSecond(100 + queueOffset), Instant.ofEpochSecond(99), "broker-a", 1, queueOffset,
                List.of(deliveries));
    }

    @Test
    void mapsToLocalNamesWithTheDeliveryStatesOfTheInstancesGroupsOnly() {
        given(admin.messagesByKey("http://a", INSTANCE + "%orders", "k1")).willReturn(NodeRead.found(new NodeMessages(List.of(
                message("ID1", INSTANCE + "%orders", 5, new NodeDelivery(INSTANCE + "%billing", 6),
                        new NodeDelivery(INSTANCE + "%audit", 5), new NodeDelivery("other%billing", 9)),
                message("ID2", INSTANCE + "%orders", 7)))));

        List<MessageView> found = service.query(INSTANCE, null, "orders", "k1").messages();

        assertThat(found).extracting(MessageView::messageId).containsExactly("ID2", "ID1");
        MessageView first = found.get(1);
        assertThat(first.topic()).isEqualTo("orders");
        assertThat(first.tags()).isEqualTo("tagA");
        assertThat(first.keys()).isEqualTo("k1 k2");
        assertThat(first.body()).isEqualTo("hello");
        assertThat(first.deliveries()).containsExactly(
                new MessageDeliveryView("billing", 6, DeliveryState.CONSUMED),
                new MessageDeliveryView("audit", 5, DeliveryState.NOT_CONSUMED));
    }

    @Test
    void anOffsetIdOfAnotherInstancesMessageFindsNothing() {
        given(admin.messageById("http://a", "ID9")).willReturn(
                NodeRead.found(new NodeMessages(List.of(message("ID9", "other%orders", 1)))));
        given(topics.listOfInstances(List.of(INSTANCE))).willReturn(List.of());

        assertThat(service.query(INSTANCE, "ID9", null, null).messages()).isEmpty();
    }

    @Test
    void anIdNoBrokerStoresIsSearchedAsUniqueIdInTheInstancesTopics() {
        given(admin.messageById("http://a", "U-ID1")).willReturn(NodeRead.of(NodeRead.Status.NOT_FOUND));
        TopicView orders = mock(TopicView.class);
        given(orders.name()).willReturn("orders");
        given(topics.listOfInstances(List.of(INSTANCE))).willReturn(List.of(orders));
        given(admin.messagesByKey(anyString(), anyString(), anyString())).willReturn(
                NodeRead.found(new NodeMessages(List.of(message("ID1", INSTANCE + "%orders", 1)))));

        assertThat(service.query(INSTANCE, "U-ID1", null, null).messages()).extracting(MessageView::messageId)
                .containsExactly("ID1");
    }

    @Test
    void refusesBothOrNeitherOrAHalfKeyQuery() {
        assertThatThrownBy(() -> service.query(INSTANCE, "ID1", "orders", "k1")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> service.query(INSTANCE, null, null, null)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> service.query(INSTANCE, null, "orders", " ")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> service.query(INSTANCE, "ID1", null, "k1")).isInstanceOf(InvalidFieldException.class);
    }
}
