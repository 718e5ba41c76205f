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
 * Authenticates every {@code /api/**} request, except paths some {@link PublicApiPaths} lists, with a bearer
 * API key or, when no {@code Authorization} header is sent, with the console's session cookie. No or an
 * unknown credential → 401; a read-only key on anything but {@code GET}/{@code HEAD} (signing out excepted),
 * on an admin-only path ({@code /api/v1/api-keys}, {@link AdminOnlyApiPaths}), or a cookie-authenticated
 * change without the {@code X-Requested-With} header (CSRF defence next to {@code SameSite=Strict}) → 403.
 * All as problem+json. Thread-safe.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
    static final String CSRF_HEADER = "X-Requested-With";

    private final ApiKeyService keys;
    private final ConsoleSessionService sessions;
    private final ProblemResponseWriter problems;
    private final List<PathPattern> publicPaths;
    private final List<PathPattern> adminOnlyPaths;

    BearerAuthenticationFilter(ApiKeyService keys, ConsoleSessionService sessions, ProblemResponseWriter problems,
            List<String> publicPatterns, List<String> adminOnlyPatterns) {
        this.keys = keys;
        this.sessions = sessions;
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
        Optional<String> bearer = bearerToken(request);
        Optional<ApiPrincipal> principal = bearer.isPresent()
                ? bearer.flatMap(keys::authenticate)
                : SessionCookie.read(request).flatMap(sessions::authenticate);
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cloudmq\"");
            problems.write(request, response, ErrorCode.AUTHENTICATION_REQUIRED,
                    "Send Authorization: Bearer cmq_<keyId>_<secret> with a valid API key, or sign in");
            return;
        }
        ApiPrincipal caller = principal.get();
        caller.attachTo(request);
        boolean viaCookie = bearer.isEmpty();
        if (viaCookie && !READ_METHODS.contains(request.getMethod()) && request.getHeader(CSRF_HEADER) == null) {
            problems.write(request, response, ErrorCode.ACCESS_DENIED,
                    "Changes made with the console session cookie need the " + CSRF_HEADER + " header");
            return;
        }
        if (caller.role() != ApiKeyRole.ADMIN && !allowedForReadOnly(request)) {
            problems.write(request, response, ErrorCode.ACCESS_DENIED, "API key " + caller.keyId()
                    + " is read-only; " + request.getMethod() + " " + request.getRequestURI() + " needs an admin key");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowedForReadOnly(HttpServletRequest request) {
        if ("DELETE".equals(request.getMethod()) && SessionController.CURRENT.equals(request.getRequestURI())) {
            return true;
        }
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
