package io.cloudmq.controlplane.shared.web;

/**
 * Order of our servlet filters, all after Spring's own. Audit is outermost so it sees every refusal; size
 * limits come before authentication so an oversize body is never buffered; idempotency needs the caller's key.
 */
public final class FilterOrder {
    public static final int AUDIT = 0;
    public static final int REQUEST_SIZE_LIMIT = 10;
    public static final int AUTHENTICATION = 20;
    public static final int IDEMPOTENCY = 30;

    private FilterOrder() {}
}
