package io.cloudmq.dataplane.admin;

import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An authenticated admin request as an endpoint sees it: its body, fully read, the decoded path parameters of
 * its route and its decoded query parameters. Immutable; the body array is owned by the request.
 */
public final class AdminRequest {
    private final byte[] body;
    private final JsonMapper json;
    private final Map<String, String> pathParameters;
    private final Map<String, String> queryParameters;

    AdminRequest(byte[] body, JsonMapper json, Map<String, String> pathParameters, Map<String, String> queryParameters) {
        this.body = body;
        this.json = json;
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = Map.copyOf(queryParameters);
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

    /**
     * The value of the route's {@code {name}} segment.
     *
     * @throws IllegalArgumentException if the route has no such segment (a programming error)
     */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter " + name);
        }
        return value;
    }

    /** A query parameter, empty when absent or blank. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(value -> !value.isBlank());
    }
}
