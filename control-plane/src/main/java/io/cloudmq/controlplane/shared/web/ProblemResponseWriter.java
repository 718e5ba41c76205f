package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.problem.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem+json answer straight to the servlet response, for filters that refuse a request before
 * Spring MVC sees it (401, 403, 413, 422 replays). Thread-safe.
 */
@Component
public class ProblemResponseWriter {
    private final JsonMapper mapper;

    ProblemResponseWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Answers {@code code} with {@code detail}; {@code instance} is the request path. */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(code, detail, Map.of());
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), Problems.members(problem));
    }
}
