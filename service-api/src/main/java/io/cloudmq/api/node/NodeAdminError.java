package io.cloudmq.api.node;

/**
 * Body of every error answer of the node admin API ({@code Content-Type: application/json}).
 *
 * @param status the HTTP status, repeated
 * @param error stable machine code: {@code unauthorized}, {@code not-found}, {@code method-not-allowed},
 *     {@code bad-request}, {@code payload-too-large} or {@code internal-error}
 * @param detail human-readable explanation
 */
public record NodeAdminError(int status, String error, String detail) {}
