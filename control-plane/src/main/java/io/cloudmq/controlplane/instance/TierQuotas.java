package io.cloudmq.controlplane.instance;

import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/** Default quotas of each tier and the merge of requested quotas over a base. Stateless. */
final class TierQuotas {
    private static final int DEFAULT_RETENTION_HOURS = 72;

    private TierQuotas() {}

    /** The tier's defaults; retention is capped at the cluster's maximum. */
    static InstanceQuotas defaults(InstanceTier tier, int clusterMaxRetentionHours) {
        int retention = Math.min(DEFAULT_RETENTION_HOURS, clusterMaxRetentionHours);
        return switch (tier) {
            case SINGLE_NODE -> new InstanceQuotas(50, 50, retention, InstanceQuotas.MAX_MESSAGE_BYTES);
            case CLUSTER_HA -> new InstanceQuotas(1000, 1000, retention, InstanceQuotas.MAX_MESSAGE_BYTES);
        };
    }

    /**
     * {@code requested} fields over {@code base}; refuses a retention above the cluster's maximum.
     *
     * @throws InvalidFieldException for {@code quotas.retentionHours} above {@code clusterMaxRetentionHours}
     */
    static InstanceQuotas merge(InstanceQuotas base, @Nullable InstanceQuotas requested, int clusterMaxRetentionHours) {
        InstanceQuotas merged = requested == null ? base : new InstanceQuotas(
                orElse(requested.maxTopics(), base.maxTopics()),
                orElse(requested.maxGroups(), base.maxGroups()),
                orElse(requested.retentionHours(), base.retentionHours()),
                orElse(requested.maxMessageBytes(), base.maxMessageBytes()));
        if (merged.retentionHours() > clusterMaxRetentionHours) {
            throw new InvalidFieldException(
                    "quotas.retentionHours", "must be at most the cluster's " + clusterMaxRetentionHours + " hours");
        }
        return merged;
    }

    private static Integer orElse(@Nullable Integer value, @Nullable Integer fallback) {
        if (value != null) {
            return value;
        }
        if (fallback == null) {
            throw new IllegalArgumentException("base quotas must be complete");
        }
        return fallback;
    }
}
