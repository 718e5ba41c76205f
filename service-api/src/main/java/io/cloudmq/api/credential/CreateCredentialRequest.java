package io.cloudmq.api.credential;

import io.cloudmq.api.common.ResourceNames;
import io.cloudmq.api.common.ValidResourceName;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/instances/{id}/credentials}. Listed topics and groups must exist in the
 * instance (400 otherwise).
 *
 * @param role what the credential may do
 * @param topics the only topics it may use; {@code null} or empty = every topic of the instance
 * @param groups the only consumer groups it may use; {@code null} or empty = every group of the instance
 */
public record CreateCredentialRequest(
        @NotNull CredentialRole role,
        @Nullable @Size(max = MAX_RESOURCES) List<@NotNull @ValidResourceName(ResourceNames.Kind.TOPIC) String> topics,
        @Nullable @Size(max = MAX_RESOURCES)
                List<@NotNull @ValidResourceName(ResourceNames.Kind.CONSUMER_GROUP) String> groups) {
    /** Most topics, and most groups, one credential may be restricted to. */
    public static final int MAX_RESOURCES = 100;
}
