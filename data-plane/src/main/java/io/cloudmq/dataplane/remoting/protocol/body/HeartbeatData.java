package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code HEART_BEAT} (spec §4.2): the client id and the producer and consumer groups it
 * belongs to. The fastjson2 field name {@code clientID} is kept (spec §8.4 item 1); heartbeat-v2 fields
 * ({@code heartbeatFingerprint}, {@code withoutSub}) are ignored: this broker always wants full heartbeats.
 */
public record HeartbeatData(
        String clientID, @Nullable List<ProducerData> producerDataSet, @Nullable List<ConsumerData> consumerDataSet) {

    public HeartbeatData {
        producerDataSet = producerDataSet == null ? List.of() : List.copyOf(producerDataSet);
        consumerDataSet = consumerDataSet == null ? List.of() : List.copyOf(consumerDataSet);
    }

    /** A producer group of the client. */
    public record ProducerData(String groupName) {}

    /**
     * A consumer group of the client.
     *
     * @param consumeType {@code CONSUME_PASSIVELY} (push) or {@code CONSUME_ACTIVELY} (pull, lite pull)
     * @param messageModel {@code CLUSTERING} or {@code BROADCASTING}
     */
    public record ConsumerData(
            String groupName, @Nullable String consumeType, @Nullable String messageModel,
            @Nullable String consumeFromWhere, @Nullable List<SubscriptionData> subscriptionDataSet) {

        public ConsumerData {
            subscriptionDataSet = subscriptionDataSet == null ? List.of() : List.copyOf(subscriptionDataSet);
        }
    }
}
