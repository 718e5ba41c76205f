package io.cloudmq.controlplane.shared.error;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import java.util.List;
import java.util.Map;

/**
 * A field is invalid for a reason only the service can see, e.g. a retention above the cluster's
 * (400 {@code validation}).
 */
public final class InvalidFieldException extends DomainException {
    private static final long serialVersionUID = 1L;

    public InvalidFieldException(String field, String message) {
        super(ErrorCode.VALIDATION, field + " " + message,
                Map.of("errors", List.of(new FieldError(field, message))), null);
    }
}
