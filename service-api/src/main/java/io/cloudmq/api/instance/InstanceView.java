package io.cloudmq.api.instance;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An instance: a tenant namespace on a cluster.
 *
 * @param id the namespace, {@code MQ_INST_<12 digits>_<8 [a-z0-9]>}
 * @param name display name
 * @param description free text
 * @param cluster hosting cluster
 * @param tier the tier
 * @param quotas effective limits (every field set)
 * @param createdAt creation time
 * @param updatedAt last change
 * @param version optimistic-locking version, also the {@code ETag}
 */
public record InstanceView(
        String id,
        String name,
        @Nullable String description,
        String cluster,
        InstanceTier tier,
        InstanceQuotas quotas,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
