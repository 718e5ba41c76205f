package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;

/** The request is valid but conflicts with the resource's current state (409 {@code conflict}). */
public final class StateConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    public StateConflictException(String detail) {
        super(ErrorCode.CONFLICT, detail);
    }
}
