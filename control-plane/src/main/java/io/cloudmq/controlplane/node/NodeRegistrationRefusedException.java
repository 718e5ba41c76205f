package io.cloudmq.controlplane.node;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.controlplane.shared.error.DomainException;

/** A node asked to register without the cluster's bootstrap token (401 {@code authentication-required}). */
final class NodeRegistrationRefusedException extends DomainException {
    private static final long serialVersionUID = 1L;

    NodeRegistrationRefusedException() {
        super(ErrorCode.AUTHENTICATION_REQUIRED,
                "Node registration needs the cluster's bootstrap token as a bearer token");
    }
}
