package io.cloudmq.dataplane.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings every remoting body and JSON header uses, so that Jackson output and input match the
 * client's fastjson2 (spec §8.4): null fields omitted, properties and map keys alphabetical, unknown
 * fields ignored (item 8), bare map keys as a real RocketMQ component writes them accepted (item 3).
 * The mapper is immutable and thread-safe.
 */
public final class RemotingJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private RemotingJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object body) {
        return MAPPER.writeValueAsBytes(body);
    }

    /** Parses a body; malformed JSON raises Jackson's unchecked {@code JacksonException}. */
    public static <T> T decode(byte[] body, Class<T> type) {
        return MAPPER.readValue(body, type);
    }
}
