package io.cloudmq.api.client;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.api.problem.ProblemTypes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Turns an error response into a {@link ProblemException}. Thread-safe (stateless apart from the mapper). */
final class ProblemParser {
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final List<String> STANDARD_MEMBERS = List.of("type", "status", "title", "detail", "code", "errors");

    private final JsonMapper mapper;

    ProblemParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ProblemException parse(HttpResponse<byte[]> response) {
        Map<String, Object> members = readMembers(response.body());
        URI type = members.get("type") instanceof String t ? URI.create(t) : ABOUT_BLANK;
        String title = members.get("title") instanceof String t ? t : "HTTP " + response.statusCode();
        String detail = members.get("detail") instanceof String d ? d : null;
        ErrorCode code = ProblemTypes.codeOf(type).orElse(null);
        Map<String, Object> extensions = new LinkedHashMap<>(members);
        STANDARD_MEMBERS.forEach(extensions::remove);
        extensions.values().removeIf(value -> value == null);
        Long retryAfter = response.headers().firstValue("Retry-After").map(Long::valueOf).orElse(null);
        List<FieldError> errors = fieldErrors(members.get("errors"));
        return new ProblemException(
                type, response.statusCode(), title, detail, code, errors, extensions, retryAfter);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMembers(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            Object parsed = mapper.readValue(body, Object.class);
            return parsed instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (JacksonException notJson) {
            return Map.of();
        }
    }

    private static List<FieldError> fieldErrors(@Nullable Object errors) {
        List<FieldError> result = new ArrayList<>();
        if (errors instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map) {
                    result.add(new FieldError(String.valueOf(map.get("field")), String.valueOf(map.get("message"))));
                }
            }
        }
        return result;
    }
}
