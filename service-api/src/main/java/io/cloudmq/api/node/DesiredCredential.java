package io.cloudmq.api.node;

import java.util.List;

/**
 * One tenant credential as every node (brokers and name servers) verifies it. The SecretKey travels only
 * sealed ({@link SealedSecret}), so the desired-state body and the node's {@code desired-state.json} never
 * hold it in clear.
 *
 * @param accessKey the AccessKey clients sign with
 * @param namespace the instance namespace the credential may name ({@code <namespace>%x})
 * @param role {@code pub}, {@code sub} or {@code pub+sub}
 * @param topics if not empty, the only topics it may name (without namespace)
 * @param groups if not empty, the only consumer groups it may name (without namespace)
 * @param enabled a disabled credential is refused
 * @param sealedSecret the SecretKey sealed for the cluster's nodes with this AccessKey as associated data
 */
public record DesiredCredential(
        String accessKey, String namespace, String role, List<String> topics, List<String> groups, boolean enabled,
        String sealedSecret) {
    public DesiredCredential {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }

    @Override
    public String toString() {
        return "DesiredCredential[accessKey=" + accessKey + ", namespace=" + namespace + ", role=" + role
                + ", enabled=" + enabled + "]";
    }
}
