package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeAdminError;
import java.util.Map;

/**
 * What an admin endpoint answers, before serialisation: {@code body} is sent as UTF-8 text when it is a
 * {@link String}, as JSON otherwise. Immutable.
 *
 * @param status HTTP status
 * @param contentType {@code Content-Type} of the body
 * @param body the payload
 * @param headers extra response headers
 */
public record AdminResponse(int status, String contentType, Object body, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public AdminResponse {
        headers = Map.copyOf(headers);
    }

    public static AdminResponse ok(Object body) {
        return new AdminResponse(200, JSON, body, Map.of());
    }

    public static AdminResponse text(String contentType, String body) {
        return new AdminResponse(200, contentType, body, Map.of());
    }

    public static AdminResponse error(int status, String error, String detail) {
        return error(status, error, detail, Map.of());
    }

    public static AdminResponse error(int status, String error, String detail, Map<String, String> headers) {
        return new AdminResponse(status, JSON, new NodeAdminError(status, error, detail), headers);
    }
}
