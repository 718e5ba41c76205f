package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;
import java.util.Map;

/** The addressed resource does not exist (404 {@code not-found}). */
public final class ResourceNotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    private ResourceNotFoundException(String kind, String id) {
        super(ErrorCode.NOT_FOUND, kind + " " + id + " does not exist", Map.of("resource", kind, "id", id), null);
    }

    /** A {@code kind} (e.g. {@code topic}) named {@code id} does not exist. */
    public static ResourceNotFoundException of(String kind, String id) {
        return new ResourceNotFoundException(kind, id);
    }
}
