package io.cloudmq.api.problem;

/**
 * One entry of the {@code errors} extension of a {@code validation} problem.
 *
 * @param field JSON path of the offending field, e.g. {@code quotas.retentionHours}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
