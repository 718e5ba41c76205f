package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;

/**
 * The one authorization hook every request passes before its processor (authentication of the ACL
 * signature and authorization of the tenant's resources, spec §7). Runs on the processor's executor,
 * from several threads at once; must be thread-safe.
 */
@FunctionalInterface
public interface RequestAuthorizer {
    /** Lets every request through; the stand-in until tenancy fills this hook. */
    RequestAuthorizer ALLOW_ALL = (context, request) -> AuthorizationDecision.ALLOW;

    AuthorizationDecision authorize(RequestContext context, RemotingCommand request);
}
