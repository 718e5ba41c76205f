package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of the {@code REGISTER_BROKER} response (spec §2.4): the group master's HA address and
 * address, both absent while the group has no master. A refused stale-epoch master registration carries
 * them too, with the remark starting {@value #STALE_EPOCH_REMARK}.
 */
public record RegisterBrokerResponseHeader(@Nullable String haServerAddr, @Nullable String masterAddr) {
    /** Start of the remark of a master registration refused for its stale epoch (our extension). */
    public static final String STALE_EPOCH_REMARK = "stale epoch";

    public static RegisterBrokerResponseHeader fromExtFields(Map<String, String> fields) {
        return new RegisterBrokerResponseHeader(fields.get("haServerAddr"), fields.get("masterAddr"));
    }

    public Map<String, String> toExtFields() {
        return HeaderFields.writer()
                .put("haServerAddr", haServerAddr)
                .put("masterAddr", masterAddr)
                .build();
    }
}
