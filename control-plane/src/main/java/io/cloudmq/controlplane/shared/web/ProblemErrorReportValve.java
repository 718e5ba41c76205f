package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.problem.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report for requests the container refuses before any servlet runs (an encoded slash or NUL
 * in the path, invalid percent-encoding): problem+json instead of Tomcat's HTML page. Thread-safe.
 */
final class ProblemErrorReportValve extends ErrorReportValve {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final JsonMapper mapper;

    ProblemErrorReportValve(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ErrorCode code = status == 400 ? ErrorCode.MALFORMED_REQUEST : Problems.forStatus(status);
        String detail = status >= 500 ? "The server failed to handle the request" : "The request cannot be handled";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.writeValueAsString(Problems.members(Problems.of(code, detail, Map.of()))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Cannot write the error report for status {}: {}", status, e.toString());
        }
    }
}
