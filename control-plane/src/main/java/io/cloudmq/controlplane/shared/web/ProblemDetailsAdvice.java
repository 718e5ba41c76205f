package io.cloudmq.controlplane.shared.web;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one mapping of exceptions to RFC 9457 problem+json: domain exceptions by their {@link ErrorCode},
 * framework exceptions by status (with field errors for validation and unreadable bodies), anything
 * unexpected as 500 with a generic detail. Logs 4xx at DEBUG and 5xx at ERROR, once.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> handleDomain(DomainException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter().ifPresent(
                wait -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds()))));
        return respond(e, Problems.of(e.code(), e.detail(), e.extensions()), headers, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLock(OptimisticLockingFailureException e, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                "The resource was changed by another request; read it again", Map.of());
        return respond(e, problem, new HttpHeaders(), request);
    }

    /**
     * A database constraint refused a change the service's own checks let through (a race between two
     * requests); the constraint is the authority, so this is a conflict, not a server failure.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(DataIntegrityViolationException e, WebRequest request) {
        log.warn("Constraint refused {}: {}", request.getDescription(false), e.getMostSpecificCause().toString());
        ProblemDetail problem = Problems.of(
                ErrorCode.CONFLICT, "The change conflicts with a concurrent change; read the resource again", Map.of());
        return respond(e, problem, new HttpHeaders(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.INTERNAL, "The server failed to handle the request", Map.of());
        return respond(e, problem, new HttpHeaders(), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem =
                Problems.of(ErrorCode.VALIDATION, errors.size() + " field(s) invalid", Map.of("errors", errors));
        return respond(e, problem, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
            ProblemDetail problem = Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
            return respond(e, problem, headers, request);
        }
        if (e.getCause() instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            List<FieldError> errors = List.of(new FieldError(field, "has an invalid value or type"));
            ProblemDetail problem = Problems.of(ErrorCode.VALIDATION, field + " is invalid", Map.of("errors", errors));
            return respond(e, problem, headers, request);
        }
        ProblemDetail problem =
                Problems.of(ErrorCode.MALFORMED_REQUEST, "The request body is missing or not valid JSON", Map.of());
        return respond(e, problem, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? Problems.complete(detail)
                : Problems.of(Problems.forStatus(status.value()), "The request cannot be handled", Map.of());
        return respond(e, problem, headers, request);
    }

    private ResponseEntity<Object> respond(
            Exception e, ProblemDetail problem, HttpHeaders headers, WebRequest request) {
        if (problem.getStatus() >= 500) {
            log.error("{} {} failed", method(request), request.getDescription(false), e);
        } else {
            log.debug("{} {} answered {}: {}",
                    method(request), request.getDescription(false), problem.getStatus(), e.toString());
        }
        return super.createResponseEntity(problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private static String method(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getMethod() : "?";
    }
}
