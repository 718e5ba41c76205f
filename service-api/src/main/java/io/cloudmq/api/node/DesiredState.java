package io.cloudmq.api.node;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /admin/v1/desired-state}: everything the control plane wants a node to serve.
 * Idempotent: a node persists the latest state it accepted and keeps serving from it while the
 * control plane is away; a generation lower than the applied one is ignored.
 *
 * <p>Secrets appear only sealed ({@link SealedSecret}); a node opens them in memory with its node token.
 * Every field must be present in the JSON body; {@code operator} may be {@code null}, and a node without an
 * operator credential refuses every remoting request (its admin API still answers).
 *
 * @param generation monotonically increasing version of the desired state
 * @param topics topics with their wire names (namespace included)
 * @param groups consumer groups with their wire names (namespace included)
 * @param credentials the tenant credentials of every instance on the cluster
 * @param operator the cluster's operator credential, null before the control plane has one
 */
public record DesiredState(
        long generation, List<DesiredTopic> topics, List<DesiredGroup> groups,
        List<DesiredCredential> credentials, @Nullable DesiredOperatorCredential operator) {
    public DesiredState {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
        credentials = List.copyOf(credentials);
    }

    /** A state without credentials: a node given it refuses every remoting request. */
    public DesiredState(long generation, List<DesiredTopic> topics, List<DesiredGroup> groups) {
        this(generation, topics, groups, List.of(), null);
    }
}
