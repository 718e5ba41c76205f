package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of the send codes (spec §3.2): {@code SEND_MESSAGE} (10) with long field names,
 * {@code SEND_MESSAGE_V2} (310) and {@code SEND_BATCH_MESSAGE} (320) with the one-letter V2 names.
 * {@code brokerName} is read but not checked: a send addressed with another group's name is stored here.
 */
public record SendMessageRequestHeader(
        String producerGroup,
        String topic,
        int queueId,
        int sysFlag,
        long bornTimestamp,
        int flag,
        @Nullable String properties,
        int reconsumeTimes,
        boolean batch,
        @Nullable String brokerName) {

    /** The field names of the V1 header, in the order of this record's components. */
    private static final String[] V1_NAMES = {"producerGroup", "topic", "queueId", "sysFlag", "bornTimestamp", "flag",
        "properties", "reconsumeTimes", "batch", "brokerName"};
    /** The field names of the V2 header, in the order of this record's components. */
    private static final String[] V2_NAMES = {"a", "b", "e", "f", "g", "h", "i", "j", "m", "n"};

    /** Reads the V1 header ({@code SEND_MESSAGE}). */
    public static SendMessageRequestHeader fromV1(Map<String, String> fields) {
        return read(fields, V1_NAMES);
    }

    /** Reads the V2 header ({@code SEND_MESSAGE_V2}, {@code SEND_BATCH_MESSAGE}). */
    public static SendMessageRequestHeader fromV2(Map<String, String> fields) {
        return read(fields, V2_NAMES);
    }

    /** This header's V2 fields, as a client sends them ({@link #fromV2} reads them back). */
    public Map<String, String> toV2() {
        return HeaderFields.writer().put(V2_NAMES[0], producerGroup).put(V2_NAMES[1], topic)
                .put(V2_NAMES[2], queueId).put(V2_NAMES[3], sysFlag).put(V2_NAMES[4], bornTimestamp)
                .put(V2_NAMES[5], flag).put(V2_NAMES[6], properties).put(V2_NAMES[7], reconsumeTimes)
                .put(V2_NAMES[8], batch).put(V2_NAMES[9], brokerName).build();
    }

    private static SendMessageRequestHeader read(Map<String, String> fields, String... names) {
        Integer reconsumeTimes = HeaderFields.optionalInt(fields, names[7]);
        return new SendMessageRequestHeader(
                HeaderFields.requireString(fields, names[0]),
                HeaderFields.requireString(fields, names[1]),
                (int) HeaderFields.requireLong(fields, names[2]),
                (int) HeaderFields.requireLong(fields, names[3]),
                HeaderFields.requireLong(fields, names[4]),
                (int) HeaderFields.requireLong(fields, names[5]),
                fields.get(names[6]),
                reconsumeTimes == null ? 0 : reconsumeTimes,
                HeaderFields.optionalBoolean(fields, names[8], false),
                fields.get(names[9]));
    }
}
