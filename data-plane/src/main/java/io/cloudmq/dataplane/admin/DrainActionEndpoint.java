package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeDrainResult;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * {@code POST /admin/v1/fence}, {@code /unfence} or {@code /drain}: runs one {@link DrainControl} action
 * and answers its {@link NodeDrainResult}; 409 when the broker is not in a phase that allows it. The
 * request has no body. Thread-safe; the action may take as long as its deadlines.
 */
public final class DrainActionEndpoint implements AdminEndpoint {
    private final Action action;

    /** One action of a {@link DrainControl}, e.g. {@code DrainControl::fence}. */
    @FunctionalInterface
    public interface Action {
        NodeDrainResult run() throws InterruptedException;
    }

    public DrainActionEndpoint(Action action) {
        this.action = action;
    }

    @Override
    public AdminResponse handle(AdminRequest request) throws IOException {
        try {
            return AdminResponse.ok(action.run());
        } catch (IllegalStateException e) {
            throw new AdminRequestException(409, "conflict", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the drain action ran");
        }
    }
}
