package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.ClientRequests.BODY;
import static io.cloudmq.dataplane.auth.ClientRequests.pullHeader;
import static io.cloudmq.dataplane.auth.ClientRequests.sendHeader;
import static io.cloudmq.dataplane.auth.OfficialRequests.request;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.EndTransactionRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.GetConsumerListByGroupRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.GetMaxOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.GetMinOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.QueryMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SearchOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.SendMessageRequestHeaderV2;
import org.apache.rocketmq.remoting.protocol.header.UnregisterClientRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.ViewMessageRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;

/**
 * One official-client request per served code, built with the names it is given, and the action the
 * code is expected to need: the independent statement {@link RequestAccessTableTest} checks the table
 * against.
 */
final class ServedRequests {
    /** The names a request is built with. */
    record Names(String topic, String group, String producerGroup) {
        /** These names with the one of {@code kind} replaced by {@code name}. */
        Names with(ResourceKind kind, String name) {
            return switch (kind) {
                case TOPIC -> new Names(name, group, producerGroup);
                case GROUP -> new Names(topic, name, producerGroup);
                case PRODUCER_GROUP -> new Names(topic, group, name);
            };
        }
    }

    /** A served code, the action it needs, the kinds of names it carries, and how the client builds it. */
    record Row(int code, Action action, Set<ResourceKind> names, Function<Names, RemotingCommand> build) {
        boolean namesResources() {
            return !names.isEmpty();
        }

        @Override
        public String toString() {
            return "code " + code + " " + action;
        }
    }

    private static final Set<ResourceKind> SEND = Set.of(ResourceKind.TOPIC, ResourceKind.PRODUCER_GROUP);
    private static final Set<ResourceKind> CONSUME = Set.of(ResourceKind.TOPIC, ResourceKind.GROUP);
    private static final Set<ResourceKind> TOPIC_ONLY = Set.of(ResourceKind.TOPIC);
    private static final Set<ResourceKind> GROUP_ONLY = Set.of(ResourceKind.GROUP);
    private static final Set<ResourceKind> GROUPS = Set.of(ResourceKind.GROUP, ResourceKind.PRODUCER_GROUP);
    private static final Set<ResourceKind> ALL = Set.of(ResourceKind.values());
    private static final Set<ResourceKind> NONE = Set.of();

    private ServedRequests() {}

    static List<Row> rows() {
        return List.of(
                new Row(RequestCode.SEND_MESSAGE, Action.PUB, SEND,
                        n -> request(RequestCode.SEND_MESSAGE, sendHeader(n.producerGroup(), n.topic()), BODY)),
                new Row(RequestCode.SEND_REPLY_MESSAGE, Action.PUB, SEND,
                        n -> request(RequestCode.SEND_REPLY_MESSAGE, sendHeader(n.producerGroup(), n.topic()), BODY)),
                new Row(RequestCode.SEND_MESSAGE_V2, Action.PUB, SEND,
                        n -> sendV2(RequestCode.SEND_MESSAGE_V2, n, false)),
                new Row(RequestCode.SEND_BATCH_MESSAGE, Action.PUB, SEND,
                        n -> sendV2(RequestCode.SEND_BATCH_MESSAGE, n, true)),
                new Row(RequestCode.SEND_REPLY_MESSAGE_V2, Action.PUB, SEND,
                        n -> sendV2(RequestCode.SEND_REPLY_MESSAGE_V2, n, false)),
                new Row(RequestCode.END_TRANSACTION, Action.PUB, SEND, ServedRequests::endTransaction),
                new Row(RequestCode.PULL_MESSAGE, Action.SUB, CONSUME,
                        n -> request(RequestCode.PULL_MESSAGE, pullHeader(n.group(), n.topic()), null)),
                new Row(RequestCode.LITE_PULL_MESSAGE, Action.SUB, CONSUME,
                        n -> request(RequestCode.LITE_PULL_MESSAGE, pullHeader(n.group(), n.topic()), null)),
                new Row(RequestCode.QUERY_CONSUMER_OFFSET, Action.SUB, CONSUME, ServedRequests::queryOffset),
                new Row(RequestCode.UPDATE_CONSUMER_OFFSET, Action.SUB, CONSUME, ServedRequests::updateOffset),
                new Row(RequestCode.QUERY_MESSAGE, Action.SUB, TOPIC_ONLY, ServedRequests::queryMessage),
                new Row(RequestCode.VIEW_MESSAGE_BY_ID, Action.SUB, TOPIC_ONLY, ServedRequests::viewMessage),
                new Row(RequestCode.CONSUMER_SEND_MSG_BACK, Action.SUB, CONSUME, ServedRequests::sendBack),
                new Row(RequestCode.GET_CONSUMER_LIST_BY_GROUP, Action.SUB, GROUP_ONLY, ServedRequests::consumerList),
                new Row(RequestCode.HEART_BEAT, Action.SUB, ALL,
                        n -> ClientRequests.heartbeat(n.group(), n.topic(), n.producerGroup())),
                new Row(RequestCode.LOCK_BATCH_MQ, Action.SUB, CONSUME,
                        n -> ClientRequests.lock(RequestCode.LOCK_BATCH_MQ, n.group(), n.topic())),
                new Row(RequestCode.UNLOCK_BATCH_MQ, Action.SUB, CONSUME,
                        n -> ClientRequests.lock(RequestCode.UNLOCK_BATCH_MQ, n.group(), n.topic())),
                new Row(RequestCode.CHECK_CLIENT_CONFIG, Action.SUB, CONSUME,
                        n -> ClientRequests.checkClientConfig(n.group(), n.topic())),
                new Row(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, Action.ANY, TOPIC_ONLY, ServedRequests::searchOffset),
                new Row(RequestCode.GET_MAX_OFFSET, Action.ANY, TOPIC_ONLY, ServedRequests::maxOffset),
                new Row(RequestCode.GET_MIN_OFFSET, Action.ANY, TOPIC_ONLY, ServedRequests::minOffset),
                new Row(RequestCode.GET_EARLIEST_MSG_STORETIME, Action.ANY, TOPIC_ONLY,
                        ServedRequests::earliestStoreTime),
                new Row(RequestCode.UNREGISTER_CLIENT, Action.ANY, GROUPS, ServedRequests::unregister),
                new Row(RequestCode.GET_ROUTEINFO_BY_TOPIC, Action.ANY, TOPIC_ONLY, ServedRequests::route),
                new Row(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, Action.ANY, NONE,
                        n -> request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null, null)),
                admin(RequestCode.UPDATE_AND_CREATE_TOPIC),
                admin(RequestCode.GET_ALL_CONSUMER_OFFSET),
                admin(RequestCode.GET_ALL_DELAY_OFFSET),
                admin(io.cloudmq.dataplane.remoting.protocol.RequestCode.MERGE_CONSUMER_OFFSETS),
                admin(RequestCode.DELETE_KV_CONFIG),
                admin(RequestCode.REGISTER_BROKER),
                admin(RequestCode.UNREGISTER_BROKER),
                admin(RequestCode.GET_BROKER_CLUSTER_INFO),
                admin(RequestCode.WIPE_WRITE_PERM_OF_BROKER),
                admin(RequestCode.ADD_WRITE_PERM_OF_BROKER),
                admin(RequestCode.DELETE_TOPIC_IN_BROKER),
                admin(RequestCode.DELETE_TOPIC_IN_NAMESRV),
                admin(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET),
                admin(RequestCode.GET_CONSUMER_RUNNING_INFO),
                admin(RequestCode.CONSUME_MESSAGE_DIRECTLY),
                admin(RequestCode.QUERY_DATA_VERSION));
    }

    private static Row admin(int code) {
        return new Row(code, Action.ADMIN, NONE, n -> request(code, null, null));
    }

    private static RemotingCommand sendV2(int code, Names n, boolean batch) {
        SendMessageRequestHeader v1 = sendHeader(n.producerGroup(), n.topic());
        v1.setBatch(batch);
        SendMessageRequestHeaderV2 v2 = SendMessageRequestHeaderV2.createSendMessageRequestHeaderV2(v1);
        return request(code, v2, BODY);
    }

    private static RemotingCommand endTransaction(Names n) {
        EndTransactionRequestHeader header = new EndTransactionRequestHeader();
        header.setTopic(n.topic());
        header.setProducerGroup(n.producerGroup());
        header.setTranStateTableOffset(3L);
        header.setCommitLogOffset(999L);
        header.setCommitOrRollback(8);
        header.setFromTransactionCheck(false);
        header.setMsgId("7F0000010001");
        header.setTransactionId("7F0000010001");
        return request(RequestCode.END_TRANSACTION, header, null);
    }

    private static RemotingCommand queryOffset(Names n) {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(n.group());
        header.setTopic(n.topic());
        header.setQueueId(0);
        return request(RequestCode.QUERY_CONSUMER_OFFSET, header, null);
    }

    private static RemotingCommand updateOffset(Names n) {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(n.group());
        header.setTopic(n.topic());
        header.setQueueId(0);
        header.setCommitOffset(5L);
        return request(RequestCode.UPDATE_CONSUMER_OFFSET, header, null);
    }

    private static RemotingCommand queryMessage(Names n) {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(n.topic());
        header.setKey("k1");
        header.setMaxNum(32);
        header.setBeginTimestamp(0L);
        header.setEndTimestamp(Long.MAX_VALUE);
        return request(RequestCode.QUERY_MESSAGE, header, null);
    }

    private static RemotingCommand viewMessage(Names n) {
        ViewMessageRequestHeader header = new ViewMessageRequestHeader();
        header.setTopic(n.topic());
        header.setOffset(999L);
        return request(RequestCode.VIEW_MESSAGE_BY_ID, header, null);
    }

    private static RemotingCommand sendBack(Names n) {
        ConsumerSendMsgBackRequestHeader header = new ConsumerSendMsgBackRequestHeader();
        header.setGroup(n.group());
        header.setOriginTopic(n.topic());
        header.setOffset(1234L);
        header.setDelayLevel(0);
        header.setOriginMsgId("7F0000010001");
        header.setMaxReconsumeTimes(16);
        return request(RequestCode.CONSUMER_SEND_MSG_BACK, header, null);
    }

    private static RemotingCommand consumerList(Names n) {
        GetConsumerListByGroupRequestHeader header = new GetConsumerListByGroupRequestHeader();
        header.setConsumerGroup(n.group());
        return request(RequestCode.GET_CONSUMER_LIST_BY_GROUP, header, null);
    }

    private static RemotingCommand searchOffset(Names n) {
        SearchOffsetRequestHeader header = new SearchOffsetRequestHeader();
        header.setTopic(n.topic());
        header.setQueueId(0);
        header.setTimestamp(1_700_000_000_000L);
        return request(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, header, null);
    }

    private static RemotingCommand maxOffset(Names n) {
        GetMaxOffsetRequestHeader header = new GetMaxOffsetRequestHeader();
        header.setTopic(n.topic());
        header.setQueueId(0);
        return request(RequestCode.GET_MAX_OFFSET, header, null);
    }

    private static RemotingCommand minOffset(Names n) {
        GetMinOffsetRequestHeader header = new GetMinOffsetRequestHeader();
        header.setTopic(n.topic());
        header.setQueueId(0);
        return request(RequestCode.GET_MIN_OFFSET, header, null);
    }

    private static RemotingCommand earliestStoreTime(Names n) {
        GetEarliestMsgStoretimeRequestHeader header = new GetEarliestMsgStoretimeRequestHeader();
        header.setTopic(n.topic());
        header.setQueueId(0);
        return request(RequestCode.GET_EARLIEST_MSG_STORETIME, header, null);
    }

    private static RemotingCommand unregister(Names n) {
        UnregisterClientRequestHeader header = new UnregisterClientRequestHeader();
        header.setClientID("10.0.0.9@12345");
        header.setProducerGroup(n.producerGroup());
        header.setConsumerGroup(n.group());
        return request(RequestCode.UNREGISTER_CLIENT, header, null);
    }

    private static RemotingCommand route(Names n) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(n.topic());
        return request(RequestCode.GET_ROUTEINFO_BY_TOPIC, header, null);
    }
}
