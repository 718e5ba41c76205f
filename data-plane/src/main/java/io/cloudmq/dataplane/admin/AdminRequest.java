package io.cloudmq.dataplane.admin;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An authenticated admin request as an endpoint sees it: its body, fully read. Immutable; the body array is
 * owned by the request.
 */
public final class AdminRequest {
    private final byte[] body;
    private final JsonMapper json;

    AdminRequest(byte[] body, JsonMapper json) {
        this.body = body;
        this.json = json;
    }

    /**
     * The body read as JSON of {@code type}.
     *
     * @throws AdminRequestException (400) if the body is empty, malformed or does not fit {@code type}
     */
    public <T> T bodyAs(Class<T> type) {
        if (body.length == 0) {
            throw AdminRequestException.badRequest("request body is empty, expected a JSON " + type.getSimpleName());
        }
        try {
            return json.readValue(body, type);
        } catch (JacksonException e) {
            throw AdminRequestException.badRequest("body is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
