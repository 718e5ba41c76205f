package io.cloudmq.controlplane.shared.idempotency;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.web.CallerIdentity;
import io.cloudmq.controlplane.shared.web.PayloadTooLargeException;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code Idempotency-Key} on {@code POST /api/**}: the first request with a key claims it; its 2xx answer
 * (status, body, {@code Location}, {@code ETag}) is stored and replayed for every repetition with the same key
 * and the same method, path and body, marked {@code Idempotent-Replayed: true}. The same key with a different
 * request → 422 {@code idempotency-key-reused}; a repetition while the first still runs → 409 {@code conflict}.
 * A non-2xx answer releases the key, so a refused request (e.g. 423 under an upgrade lock) can be retried with
 * it. Keys are scoped per API key and remembered for 24 hours ({@link IdempotencyRecords#RETENTION}). Paths some {@link SecretAnswerPaths} lists are excluded: their answers
 * hold a secret that must not be stored. Thread-safe.
 */
class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRecords records;
    private final ProblemResponseWriter problems;
    private final CallerIdentity callers;
    private final List<PathPattern> secretAnswerPaths;

    IdempotencyFilter(IdempotencyRecords records, ProblemResponseWriter problems, CallerIdentity callers,
            List<String> secretAnswerPatterns) {
        this.records = records;
        this.problems = problems;
        this.callers = callers;
        this.secretAnswerPaths = secretAnswerPatterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return secretAnswerPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String keyId = callers.keyId(request);
        if (keyId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(
                    request, response, ErrorCode.VALIDATION, HEADER + " must be 1-" + MAX_KEY_LENGTH + " characters");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request);
        } catch (PayloadTooLargeException e) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
            return;
        }
        byte[] fingerprint = fingerprint(cached);
        if (records.claim(keyId, key, fingerprint)) {
            execute(cached, response, chain, keyId, key);
            return;
        }
        var stored = records.find(keyId, key);
        if (stored.isEmpty()) {
            problems.write(request, response, ErrorCode.CONFLICT,
                    "The first request with this " + HEADER + " just failed; retry");
        } else if (!Arrays.equals(stored.get().requestSha256(), fingerprint)) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    HEADER + " " + key + " was used for a different request");
        } else if (stored.get().status() == null) {
            problems.write(request, response, ErrorCode.CONFLICT,
                    "The first request with this " + HEADER + " is still running");
        } else {
            replay(stored.get(), response);
        }
    }

    private void execute(
            CachedBodyRequest request, HttpServletResponse response, FilterChain chain, String keyId, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, recorded);
            int status = recorded.getStatus();
            if (status / 100 == 2) {
                records.complete(keyId, key, status, recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getHeader(HttpHeaders.ETAG),
                        recorded.getContentAsByteArray());
                stored = true;
            }
        } finally {
            if (!stored) {
                records.release(keyId, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyRecords.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status() == null ? 200 : stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] fingerprint(CachedBodyRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(request.body());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
