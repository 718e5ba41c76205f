package io.cloudmq.controlplane.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * The console's session cookie: {@code HttpOnly} (scripts never see it), {@code SameSite=Strict} (never sent
 * on cross-site requests), limited to {@code /api}, and {@code Secure} when the request came over TLS.
 * Stateless.
 */
final class SessionCookie {
    static final String NAME = "cmq_session";
    private static final String PATH = "/api";

    private SessionCookie() {}

    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> NAME.equals(cookie.getName())).map(Cookie::getValue).findFirst();
    }

    static String issue(String token, Duration ttl, HttpServletRequest request) {
        return build(token, ttl, request);
    }

    /** A cookie that makes the browser drop the session cookie. */
    static String clear(HttpServletRequest request) {
        return build("", Duration.ZERO, request);
    }

    private static String build(String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .sameSite("Strict")
                .secure(request.isSecure())
                .path(PATH)
                .maxAge(maxAge)
                .build()
                .toString();
    }
}
