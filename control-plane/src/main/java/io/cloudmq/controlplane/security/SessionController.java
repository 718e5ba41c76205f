package io.cloudmq.controlplane.security;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.security.CreateSessionRequest;
import io.cloudmq.api.security.SessionView;
import io.cloudmq.controlplane.shared.config.ApiProperties;
import io.cloudmq.controlplane.shared.error.DomainException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console sign-in and sign-out. {@code POST} is public (it takes the API key in its body) and sets the
 * session cookie; {@code GET}/{@code DELETE} of {@code current} are authenticated by that cookie.
 */
@RestController
@RequestMapping(SessionController.PATH)
class SessionController {
    static final String PATH = "/api/v1/sessions";
    static final String CURRENT = PATH + "/current";

    private final ConsoleSessionService sessions;
    private final ApiProperties properties;

    SessionController(ConsoleSessionService sessions, ApiProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<SessionView> open(@Valid @RequestBody CreateSessionRequest body, HttpServletRequest request) {
        ConsoleSessionService.Opened opened = sessions.open(body.apiKey())
                .orElseThrow(() -> new DomainException(ErrorCode.AUTHENTICATION_REQUIRED, "The API key is not valid"));
        opened.principal().attachTo(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(CURRENT))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(opened.token(), properties.sessionTtl(), request))
                .body(opened.session());
    }

    @GetMapping("/current")
    SessionView current(HttpServletRequest request) {
        return SessionCookie.read(request).flatMap(sessions::find)
                .orElseThrow(() -> ResourceNotFoundException.of("console session", "current"));
    }

    @DeleteMapping("/current")
    ResponseEntity<Void> close(HttpServletRequest request) {
        SessionCookie.read(request).ifPresent(sessions::close);
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(request)).build();
    }
}
