package io.cloudmq.controlplane.security;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Authenticates every {@code /api/**} request with a bearer API key, except paths some {@link PublicApiPaths}
 * lists. No or an unknown token → 401; a read-only key on anything but {@code GET}/{@code HEAD}, or on an
 * admin-only path ({@code /api/v1/api-keys}, {@link AdminOnlyApiPaths}) → 403. Both as problem+json. Thread-safe.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final ApiKeyService keys;
    private final ProblemResponseWriter problems;
    private final List<PathPattern> publicPaths;
    private final List<PathPattern> adminOnlyPaths;

    BearerAuthenticationFilter(ApiKeyService keys, ProblemResponseWriter problems, List<String> publicPatterns,
            List<String> adminOnlyPatterns) {
        this.keys = keys;
        this.problems = problems;
        this.publicPaths = parse(publicPatterns);
        this.adminOnlyPaths = parse(adminOnlyPatterns);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return matchesAny(publicPaths, request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiPrincipal> principal = bearerToken(request).flatMap(keys::authenticate);
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cloudmq\"");
            problems.write(request, response, ErrorCode.AUTHENTICATION_REQUIRED,
                    "Send Authorization: Bearer cmq_<keyId>_<secret> with a valid API key");
            return;
        }
        ApiPrincipal caller = principal.get();
        caller.attachTo(request);
        if (caller.role() != ApiKeyRole.ADMIN && !allowedForReadOnly(request)) {
            problems.write(request, response, ErrorCode.ACCESS_DENIED, "API key " + caller.keyId()
                    + " is read-only; " + request.getMethod() + " " + request.getRequestURI() + " needs an admin key");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowedForReadOnly(HttpServletRequest request) {
        return READ_METHODS.contains(request.getMethod()) && !matchesAny(adminOnlyPaths, request);
    }

    private static boolean matchesAny(List<PathPattern> patterns, HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> parse(List<String> patterns) {
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
