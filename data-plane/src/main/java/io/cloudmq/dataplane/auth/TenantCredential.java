package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;
import java.util.Set;

/**
 * A credential of one instance (tenant). Immutable; {@link #toString()} hides the secret through
 * {@link Secret}.
 *
 * @param namespace the instance namespace; the credential may only name {@code <namespace>%x},
 *     {@code %RETRY%<namespace>%x} and {@code %DLQ%<namespace>%x}
 * @param role which actions it may perform
 * @param topics if not empty, the only topics it may name, as the tenant names them (without namespace)
 * @param groups if not empty, the only consumer groups it may name (without namespace); also governs
 *     their retry and dead-letter topics
 * @param enabled a disabled credential is refused
 */
public record TenantCredential(
        String accessKey, Secret secretKey, String namespace, Role role, Set<String> topics, Set<String> groups,
        boolean enabled) implements Credential {

    public TenantCredential {
        requireKeys(accessKey, secretKey);
        if (namespace.isEmpty() || namespace.indexOf(NamespacedNames.SEPARATOR) >= 0) {
            throw new IllegalArgumentException("namespace must be non-empty and without '%': " + namespace);
        }
        topics = Set.copyOf(topics);
        groups = Set.copyOf(groups);
    }

    /** An enabled credential without allow-lists. */
    public static TenantCredential of(String accessKey, Secret secretKey, String namespace, Role role) {
        return new TenantCredential(accessKey, secretKey, namespace, role, Set.of(), Set.of(), true);
    }

    public boolean allowsTopic(String localName) {
        return topics.isEmpty() || topics.contains(localName);
    }

    public boolean allowsGroup(String localName) {
        return groups.isEmpty() || groups.contains(localName);
    }

    static void requireKeys(String accessKey, Secret secretKey) {
        if (accessKey.isBlank() || secretKey.value().isEmpty()) {
            throw new IllegalArgumentException("AccessKey and SecretKey must not be empty");
        }
    }
}
