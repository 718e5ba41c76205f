package io.cloudmq.controlplane.audit;

import io.cloudmq.controlplane.shared.web.CallerIdentity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every mutating {@code /api/**} call before its answer is released, refused ones included (401 and 403 from
 * authentication, 413, 423, ...). Outermost of our filters, so it sees what the inner ones decided; a failure
 * to record is logged and never changes the answer. Thread-safe.
 */
class AuditFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AuditService audit;
    private final CallerIdentity callers;

    AuditFilter(AuditService audit, CallerIdentity callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READ_METHODS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The answer is held back until the event is recorded, so a client that reads the audit trail right
        // after its call finds the call there.
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        try {
            chain.doFilter(request, held);
            status = held.getStatus();
        } finally {
            record(request, status);
            held.copyBodyToResponse();
        }
    }

    private void record(HttpServletRequest request, int status) {
        String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern
                ? pattern
                : request.getRequestURI();
        String keyId = callers.keyId(request);
        try {
            String action = truncate(request.getMethod() + " " + route, 200);
            audit.record(keyId, action, truncate(request.getRequestURI(), 500), status);
        } catch (RuntimeException e) {
            log.error("Cannot record audit event for {} {} ({})",
                    request.getMethod(), request.getRequestURI(), status, e);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
