package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Custom header of the {@code REGISTER_BROKER} response (spec §2.4): the group master's HA address and
 * address, both absent while the group has no master.
 */
public record RegisterBrokerResponseHeader(@Nullable String haServerAddr, @Nullable String masterAddr) {

    public Map<String, String> toExtFields() {
        return HeaderFields.writer()
                .put("haServerAddr", haServerAddr)
                .put("masterAddr", masterAddr)
                .build();
    }
}
