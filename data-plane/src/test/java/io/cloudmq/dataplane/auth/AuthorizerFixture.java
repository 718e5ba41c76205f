package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.channel.embedded.EmbeddedChannel;

/** A {@link CredentialAuthorizer} over {@link Tenants#table()}, called as the dispatcher calls it. */
class AuthorizerFixture {
    final CredentialRegistry registry = new CredentialRegistry(Tenants.table());
    private final CredentialAuthorizer authorizer = new CredentialAuthorizer(registry);

    AuthorizationDecision authorize(RemotingCommand request) {
        EmbeddedChannel channel = new EmbeddedChannel();
        try {
            return authorizer.authorize(new RequestContext(channel), request);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    AuthorizationDecision authorize(org.apache.rocketmq.remoting.protocol.RemotingCommand request, Credential signer) {
        return authorize(OfficialRequests.signed(request, signer.accessKey(), signer.secretKey().value()));
    }
}
