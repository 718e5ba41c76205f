package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;
import java.util.Map;

/** A resource with that name exists already (409 {@code already-exists}). */
public final class ResourceAlreadyExistsException extends DomainException {
    private static final long serialVersionUID = 1L;

    private ResourceAlreadyExistsException(String kind, String id) {
        super(ErrorCode.ALREADY_EXISTS, kind + " " + id + " already exists", Map.of("resource", kind, "id", id), null);
    }

    /** A {@code kind} named {@code id} exists already. */
    public static ResourceAlreadyExistsException of(String kind, String id) {
        return new ResourceAlreadyExistsException(kind, id);
    }
}
