package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;

/**
 * The one authorization hook every request passes before its processor (authentication of the ACL
 * signature and authorization of the tenant's resources, spec §7). Runs on the processor's executor,
 * from several threads at once; must be thread-safe.
 */
@FunctionalInterface
public interface RequestAuthorizer {
    /**
     * Lets every request through: for the requests a {@link RemotingClient} receives on its own connections, and
     * for in-process protocol tests. Nodes serve with {@link io.cloudmq.dataplane.auth.CredentialAuthorizer}.
     */
    RequestAuthorizer ALLOW_ALL = (context, request) -> AuthorizationDecision.ALLOW;

    AuthorizationDecision authorize(RequestContext context, RemotingCommand request);
}
