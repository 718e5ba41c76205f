package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;

/**
 * The body of a {@code GET_ALL_CONSUMER_OFFSET} answer, as RocketMQ's {@code ConsumerOffsetSerializeWrapper}
 * (its data version is not sent): {@code {"offsetTable":{"<topic>@<group>":{"0":12,"1":7}}}}.
 */
public record ConsumerOffsetTable(Map<String, Map<Integer, Long>> offsetTable) {

    public ConsumerOffsetTable {
        offsetTable = Map.copyOf(offsetTable);
    }
}
