package io.cloudmq.dataplane.remoting.protocol.body;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of an {@code INVOKE_BROKER_TO_RESET_OFFSET} answer, as RocketMQ's {@code ResetOffsetBody}. Its map
 * has {@link MessageQueue} keys, which fastjson2 writes as object literals, the only form the 5.5.0 client
 * parses (spec §8.4 item 4), so this one body is written by hand:
 *
 * <pre>
 * {"offsetTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5,{"brokerName":"b","queueId":1,"topic":"T"}:9}}
 * </pre>
 *
 * Immutable.
 *
 * @param offsetTable queue → offset, written in iteration order
 */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {

    public ResetOffsetBody {
        offsetTable = new LinkedHashMap<>(offsetTable);
    }

    /** The body in the object-keyed form above, UTF-8. */
    public byte[] encode() {
        StringBuilder json = new StringBuilder("{\"offsetTable\":{");
        String separator = "";
        for (Map.Entry<MessageQueue, Long> entry : offsetTable.entrySet()) {
            MessageQueue queue = entry.getKey();
            json.append(separator)
                    .append("{\"brokerName\":").append(quoted(queue.brokerName()))
                    .append(",\"queueId\":").append(queue.queueId())
                    .append(",\"topic\":").append(quoted(queue.topic()))
                    .append("}:").append(entry.getValue());
            separator = ",";
        }
        return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String text) {
        return RemotingJson.mapper().writeValueAsString(text);
    }
}
