package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.List;

/** The body of a {@code GET_CONSUMER_LIST_BY_GROUP} response (spec §4.3). */
public record ConsumerIdList(List<String> consumerIdList) {
    public ConsumerIdList {
        consumerIdList = List.copyOf(consumerIdList);
    }
}
