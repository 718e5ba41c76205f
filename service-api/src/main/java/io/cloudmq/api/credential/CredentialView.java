package io.cloudmq.api.credential;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A credential of an instance, without its SecretKey (shown only once, at creation).
 *
 * @param instanceId owning instance
 * @param accessKey public identifier the client sends as {@code AccessKey}: 20 characters {@code [A-Za-z0-9]}
 * @param role what it may do
 * @param topics the only topics it may use; empty = every topic of the instance
 * @param groups the only consumer groups it may use; empty = every group of the instance
 * @param enabled whether nodes accept requests signed with it
 * @param createdAt creation time
 * @param lastUsedAt latest use the nodes reported, {@code null} if never used
 */
public record CredentialView(
        String instanceId,
        String accessKey,
        CredentialRole role,
        List<String> topics,
        List<String> groups,
        boolean enabled,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {}
