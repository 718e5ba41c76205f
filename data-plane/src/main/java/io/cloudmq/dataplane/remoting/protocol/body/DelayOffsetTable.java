package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Map;

/**
 * The body of a {@code GET_ALL_DELAY_OFFSET} answer, as RocketMQ's {@code DelayOffsetSerializeWrapper}: the next
 * undelivered {@code SCHEDULE_TOPIC_XXXX} queue offset by 1-based delay level,
 * {@code {"offsetTable":{"1":12,"2":0}}}.
 */
public record DelayOffsetTable(Map<Integer, Long> offsetTable) {

    public DelayOffsetTable {
        offsetTable = Map.copyOf(offsetTable);
    }
}
