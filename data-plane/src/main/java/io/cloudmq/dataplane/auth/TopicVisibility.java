package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which topics a name-server answer (a route, a topic list) may show to the requester, so a tenant never
 * sees another tenant's topics: the operator sees all; a tenant credential sees the topics inside its
 * namespace, retry and dead-letter topics included, and nothing else; an unknown or missing AccessKey sees
 * nothing. Call it from a processor, after {@link CredentialAuthorizer} allowed the request. Thread-safe:
 * each call reads the registry's current table once.
 */
public final class TopicVisibility {
    private final CredentialRegistry registry;

    public TopicVisibility(CredentialRegistry registry) {
        this.registry = registry;
    }

    /** The test for the topics {@code request}'s sender may see. */
    public Predicate<String> forRequest(RemotingCommand request) {
        String accessKey = request.extField(RequestSignature.ACCESS_KEY);
        if (accessKey == null) {
            return topic -> false;
        }
        return registry.current().find(accessKey).map(TopicVisibility::forCredential).orElse(topic -> false);
    }

    /** {@code topics} without those {@code request}'s sender may not see, in their order. */
    public List<String> visibleTopics(RemotingCommand request, Collection<String> topics) {
        return topics.stream().filter(forRequest(request)).toList();
    }

    public static Predicate<String> forCredential(Credential credential) {
        if (credential instanceof TenantCredential tenant) {
            return topic -> NamespacedNames.isInside(tenant.namespace(), topic);
        }
        return topic -> true;
    }
}
