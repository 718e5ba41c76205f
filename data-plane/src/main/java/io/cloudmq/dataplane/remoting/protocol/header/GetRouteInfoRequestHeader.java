package io.cloudmq.dataplane.remoting.protocol.header;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import java.util.Map;

/**
 * Custom header of {@code GET_ROUTEINFO_BY_TOPIC} (105), spec §2.1. The optional
 * {@code acceptStandardJsonOnly} and {@code lo} fields are ignored: the route is always standard JSON.
 */
public record GetRouteInfoRequestHeader(String topic) {

    public static GetRouteInfoRequestHeader fromExtFields(Map<String, String> fields) {
        return new GetRouteInfoRequestHeader(HeaderFields.requireString(fields, "topic"));
    }
}
