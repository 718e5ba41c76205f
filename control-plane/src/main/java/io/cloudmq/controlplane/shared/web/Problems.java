package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.ProblemTypes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds and completes {@link ProblemDetail}s so every error carries our type, title and {@code code}. Stateless. */
public final class Problems {
    private Problems() {}

    /** A problem of {@code code} with a specific detail and extension members. */
    public static ProblemDetail of(ErrorCode code, String detail, Map<String, ?> extensions) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.status()), detail);
        apply(problem, code);
        extensions.forEach(problem::setProperty);
        return problem;
    }

    /** Gives a framework-made problem (type {@code about:blank}) the type, title and code of its status. */
    static ProblemDetail complete(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            apply(problem, forStatus(problem.getStatus()));
        }
        return problem;
    }

    /** The error code we answer for a status no handler chose a code for. */
    static ErrorCode forStatus(int status) {
        if (status == 400) {
            return ErrorCode.VALIDATION;
        }
        if (status == 409) {
            return ErrorCode.CONFLICT;
        }
        return Arrays.stream(ErrorCode.values())
                .filter(code -> code.status() == status)
                .findFirst()
                .orElse(status >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION);
    }

    /** The JSON members of a problem, extensions flattened as RFC 9457 wants them. */
    static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

    private static void apply(ProblemDetail problem, ErrorCode code) {
        problem.setType(ProblemTypes.of(code));
        problem.setTitle(code.title());
        problem.setStatus(code.status());
        problem.setProperty("code", code.name());
    }
}
