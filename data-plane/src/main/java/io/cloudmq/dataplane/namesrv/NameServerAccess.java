package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.auth.CredentialAuthorizer;
import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.auth.TopicVisibility;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Who may ask a name server what: the authorization hook every request passes, and which topics a route
 * or topic-list answer may show to the sender. Immutable; both parts are thread-safe.
 *
 * @param authorizer checks each request before its processor
 * @param visibility the topics the sender of a request may see
 */
public record NameServerAccess(RequestAuthorizer authorizer, Function<RemotingCommand, Predicate<String>> visibility) {

    /** Tenant isolation: signed requests only ({@link CredentialAuthorizer}), each tenant sees its own topics. */
    public static NameServerAccess verified(CredentialRegistry credentials) {
        return new NameServerAccess(new CredentialAuthorizer(credentials), new TopicVisibility(credentials)::forRequest);
    }
}
