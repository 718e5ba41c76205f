package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import java.util.List;

/**
 * Decides whether a tenant credential may perform an action on the names a request carries, in this
 * order per name: shared system names, retry/DLQ topic → its group, namespace, role, allow-list. The
 * first refused name decides. Stateless and thread-safe.
 *
 * <p>Shared names every tenant may use: the producer group {@value NamespacedNames#CLIENT_INNER_PRODUCER}
 * (inside every client), and the topic {@value NamespacedNames#AUTO_CREATE_TOPIC} for {@link Action#ANY}
 * requests (a producer looks up its route, spec §2.2).
 */
final class TenantAccessPolicy {
    private TenantAccessPolicy() {}

    static AuthorizationDecision decide(TenantCredential credential, Action action, List<NamedResource> names) {
        for (NamedResource name : names) {
            AuthorizationDecision decision = decide(credential, action, name);
            if (!decision.allowed()) {
                return decision;
            }
        }
        return AuthorizationDecision.ALLOW;
    }

    private static AuthorizationDecision decide(TenantCredential credential, Action action, NamedResource resource) {
        if (isShared(action, resource)) {
            return AuthorizationDecision.ALLOW;
        }
        ResourceKind kind = resource.kind();
        Action effectiveAction = action;
        if (kind == ResourceKind.TOPIC && NamespacedNames.isRetryOrDlqTopic(resource.name())) {
            kind = ResourceKind.GROUP;
            effectiveAction = Action.SUB;
        }
        String name = resource.name();
        String namespace = credential.namespace();
        if (!NamespacedNames.isInside(namespace, name)) {
            return AuthorizationDecision.deny(describe(resource) + " is outside namespace " + namespace
                    + " of AccessKey " + credential.accessKey());
        }
        if (kind == ResourceKind.PRODUCER_GROUP) {
            return AuthorizationDecision.ALLOW;
        }
        if (!credential.role().permits(effectiveAction)) {
            return AuthorizationDecision.deny("AccessKey " + credential.accessKey() + " has role " + credential.role()
                    + " and may not " + effectiveAction + " on " + describe(resource));
        }
        String localName = NamespacedNames.localName(namespace, name);
        boolean listed = kind == ResourceKind.TOPIC
                ? credential.allowsTopic(localName)
                : credential.allowsGroup(localName);
        return listed
                ? AuthorizationDecision.ALLOW
                : AuthorizationDecision.deny(describe(resource) + " is not in the allow-list of AccessKey "
                        + credential.accessKey());
    }

    private static boolean isShared(Action action, NamedResource resource) {
        return switch (resource.kind()) {
            case PRODUCER_GROUP -> NamespacedNames.CLIENT_INNER_PRODUCER.equals(resource.name());
            case TOPIC -> action == Action.ANY && NamespacedNames.AUTO_CREATE_TOPIC.equals(resource.name());
            case GROUP -> false;
        };
    }

    private static String describe(NamedResource resource) {
        return switch (resource.kind()) {
            case TOPIC -> "topic " + resource.name();
            case GROUP -> "consumer group " + resource.name();
            case PRODUCER_GROUP -> "producer group " + resource.name();
        };
    }
}
