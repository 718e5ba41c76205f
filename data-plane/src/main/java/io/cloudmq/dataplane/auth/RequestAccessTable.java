package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.ResourceField.body;
import static io.cloudmq.dataplane.auth.ResourceField.header;
import static io.cloudmq.dataplane.auth.ResourceKind.GROUP;
import static io.cloudmq.dataplane.auth.ResourceKind.PRODUCER_GROUP;
import static io.cloudmq.dataplane.auth.ResourceKind.TOPIC;
import static java.util.Map.entry;

import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of every request code a broker or name server serves: which action it is and where it
 * names topics and groups (field names of the 5.5.0 client, spec §3–§5, §7.2). A code missing here is
 * refused to tenants; the codes a server sends to clients (39, 40, 220, 221, 326) are never served.
 *
 * <pre>
 * | code                                        | action | topic (T), consumer group (G), producer group (P)   |
 * |---------------------------------------------|--------|-----------------------------------------------------|
 * | 10 SEND_MESSAGE, 324 SEND_REPLY_MESSAGE     | PUB    | T ext topic; P ext producerGroup                    |
 * | 310 SEND_MESSAGE_V2, 320 SEND_BATCH_MESSAGE | PUB    | T ext b; P ext a                                    |
 * |   325 SEND_REPLY_MESSAGE_V2                 |        |                                                     |
 * | 37 END_TRANSACTION                          | PUB    | T ext topic; P ext producerGroup                    |
 * | 11 PULL_MESSAGE, 361 LITE_PULL_MESSAGE      | SUB    | T ext topic; G ext consumerGroup                    |
 * | 14 QUERY_CONSUMER_OFFSET,                   | SUB    | T ext topic; G ext consumerGroup                    |
 * |   15 UPDATE_CONSUMER_OFFSET                 |        |                                                     |
 * | 12 QUERY_MESSAGE, 33 VIEW_MESSAGE_BY_ID     | SUB    | T ext topic                                         |
 * | 36 CONSUMER_SEND_MSG_BACK                   | SUB    | G ext group; T ext originTopic                      |
 * | 38 GET_CONSUMER_LIST_BY_GROUP               | SUB    | G ext consumerGroup                                 |
 * | 34 HEART_BEAT                               | SUB    | G body consumerDataSet[].groupName;                 |
 * |                                             |        | T body consumerDataSet[].subscriptionDataSet[]      |
 * |                                             |        |   .topic;                                           |
 * |                                             |        | P body producerDataSet[].groupName                  |
 * | 41 LOCK_BATCH_MQ, 42 UNLOCK_BATCH_MQ        | SUB    | G body consumerGroup; T body mqSet[].topic          |
 * | 46 CHECK_CLIENT_CONFIG                      | SUB    | G body group; T body subscriptionData.topic         |
 * | 29 SEARCH_OFFSET_BY_TIMESTAMP,              | ANY    | T ext topic                                         |
 * |   30 GET_MAX_OFFSET, 31 GET_MIN_OFFSET,     |        |                                                     |
 * |   32 GET_EARLIEST_MSG_STORETIME             |        |                                                     |
 * | 35 UNREGISTER_CLIENT                        | ANY    | P ext producerGroup; G ext consumerGroup            |
 * | 105 GET_ROUTEINFO_BY_TOPIC                  | ANY    | T ext topic ({@code TBW102} allowed)                |
 * | 206 GET_ALL_TOPIC_LIST_FROM_NAMESERVER      | ANY    | none; answer filtered by {@link TopicVisibility}    |
 * | 17, 43, 102, 103, 104, 106, 205, 215, 216,  | ADMIN  | operator credential only                            |
 * |   222, 307, 309, 322, 327, 60043            |        |                                                     |
 * </pre>
 *
 * How names are judged is {@link TenantAccessPolicy}'s: T and G must be inside the credential's namespace,
 * allowed by its role for the action and by its allow-lists; P only has to be inside the namespace. A topic
 * {@code %RETRY%<g>} or {@code %DLQ%<g>} is checked as group {@code g} with action SUB, whatever the code
 * (a consumer sends failed messages back to its retry topic). A heartbeat naming only producer groups
 * therefore passes for a {@code pub} credential. Immutable and thread-safe.
 */
public final class RequestAccessTable {
    private static final AccessRule SEND_V1 = AccessRule.of(
            Action.PUB, header(TOPIC, "topic"), header(PRODUCER_GROUP, "producerGroup"));
    private static final AccessRule SEND_V2 = AccessRule.of(
            Action.PUB, header(TOPIC, "b"), header(PRODUCER_GROUP, "a"));
    private static final AccessRule PULL = AccessRule.of(
            Action.SUB, header(TOPIC, "topic"), header(GROUP, "consumerGroup"));
    private static final AccessRule READ_TOPIC = AccessRule.of(Action.SUB, header(TOPIC, "topic"));
    private static final AccessRule QUEUE_METADATA = AccessRule.of(Action.ANY, header(TOPIC, "topic"));
    private static final AccessRule LOCK = AccessRule.of(
            Action.SUB, body(GROUP, "consumerGroup"), body(TOPIC, "mqSet[].topic"));

    private static final Map<Integer, AccessRule> RULES = Map.ofEntries(
            entry(RequestCode.SEND_MESSAGE, SEND_V1),
            entry(RequestCode.SEND_REPLY_MESSAGE, SEND_V1),
            entry(RequestCode.SEND_MESSAGE_V2, SEND_V2),
            entry(RequestCode.SEND_BATCH_MESSAGE, SEND_V2),
            entry(RequestCode.SEND_REPLY_MESSAGE_V2, SEND_V2),
            entry(RequestCode.END_TRANSACTION, SEND_V1),
            entry(RequestCode.PULL_MESSAGE, PULL),
            entry(RequestCode.LITE_PULL_MESSAGE, PULL),
            entry(RequestCode.QUERY_CONSUMER_OFFSET, PULL),
            entry(RequestCode.UPDATE_CONSUMER_OFFSET, PULL),
            entry(RequestCode.QUERY_MESSAGE, READ_TOPIC),
            entry(RequestCode.VIEW_MESSAGE_BY_ID, READ_TOPIC),
            entry(RequestCode.CONSUMER_SEND_MSG_BACK, AccessRule.of(
                    Action.SUB, header(GROUP, "group"), header(TOPIC, "originTopic"))),
            entry(RequestCode.GET_CONSUMER_LIST_BY_GROUP, AccessRule.of(Action.SUB, header(GROUP, "consumerGroup"))),
            entry(RequestCode.HEART_BEAT, AccessRule.of(
                    Action.SUB,
                    body(GROUP, "consumerDataSet[].groupName"),
                    body(TOPIC, "consumerDataSet[].subscriptionDataSet[].topic"),
                    body(PRODUCER_GROUP, "producerDataSet[].groupName"))),
            entry(RequestCode.LOCK_BATCH_MQ, LOCK),
            entry(RequestCode.UNLOCK_BATCH_MQ, LOCK),
            entry(RequestCode.CHECK_CLIENT_CONFIG, AccessRule.of(
                    Action.SUB, body(GROUP, "group"), body(TOPIC, "subscriptionData.topic"))),
            entry(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, QUEUE_METADATA),
            entry(RequestCode.GET_MAX_OFFSET, QUEUE_METADATA),
            entry(RequestCode.GET_MIN_OFFSET, QUEUE_METADATA),
            entry(RequestCode.GET_EARLIEST_MSG_STORETIME, QUEUE_METADATA),
            entry(RequestCode.UNREGISTER_CLIENT, AccessRule.of(
                    Action.ANY, header(PRODUCER_GROUP, "producerGroup"), header(GROUP, "consumerGroup"))),
            entry(RequestCode.GET_ROUTEINFO_BY_TOPIC, QUEUE_METADATA),
            entry(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, AccessRule.of(Action.ANY)),
            entry(RequestCode.UPDATE_AND_CREATE_TOPIC, AccessRule.admin()),
            entry(RequestCode.GET_ALL_CONSUMER_OFFSET, AccessRule.admin()),
            entry(RequestCode.GET_ALL_DELAY_OFFSET, AccessRule.admin()),
            entry(RequestCode.MERGE_CONSUMER_OFFSETS, AccessRule.admin()),
            entry(RequestCode.DELETE_KV_CONFIG, AccessRule.admin()),
            entry(RequestCode.REGISTER_BROKER, AccessRule.admin()),
            entry(RequestCode.UNREGISTER_BROKER, AccessRule.admin()),
            entry(RequestCode.GET_BROKER_CLUSTER_INFO, AccessRule.admin()),
            entry(RequestCode.WIPE_WRITE_PERM_OF_BROKER, AccessRule.admin()),
            entry(RequestCode.ADD_WRITE_PERM_OF_BROKER, AccessRule.admin()),
            entry(RequestCode.DELETE_TOPIC_IN_BROKER, AccessRule.admin()),
            entry(RequestCode.DELETE_TOPIC_IN_NAMESRV, AccessRule.admin()),
            entry(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, AccessRule.admin()),
            entry(RequestCode.GET_CONSUMER_RUNNING_INFO, AccessRule.admin()),
            entry(RequestCode.CONSUME_MESSAGE_DIRECTLY, AccessRule.admin()),
            entry(RequestCode.QUERY_DATA_VERSION, AccessRule.admin()));

    private RequestAccessTable() {}

    public static Optional<AccessRule> rule(int code) {
        return Optional.ofNullable(RULES.get(code));
    }

    /** Every code in the table. */
    public static Set<Integer> codes() {
        return RULES.keySet();
    }
}
