package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON header as Jackson binds it with the remoting settings ({@link RemotingJson}): the reference the
 * hand-written {@link JsonHeaderReader} and {@link JsonHeaderWriter} are checked against.
 */
record JacksonHeader(
        int code,
        @Nullable String language,
        int version,
        int opaque,
        int flag,
        @Nullable String remark,
        @Nullable Map<String, @Nullable String> extFields) {

    static JacksonHeader of(RemotingCommand command) {
        return new JacksonHeader(command.code(), command.language().name(), command.version(), command.opaque(),
                command.flag(), command.remark(), command.extFields());
    }

    static JacksonHeader parse(byte[] json) {
        return RemotingJson.mapper().readValue(json, JacksonHeader.class);
    }

    byte[] toJson() {
        return RemotingJson.encode(this);
    }
}
