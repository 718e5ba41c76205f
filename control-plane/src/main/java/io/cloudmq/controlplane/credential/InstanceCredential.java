package io.cloudmq.controlplane.credential;

import io.cloudmq.api.credential.CredentialRole;
import java.util.List;

/**
 * A credential with its SecretKey in plaintext, as the nodes need it to verify signatures (desired state).
 * Never logged: {@link #toString()} masks the secret. Immutable.
 *
 * @param accessKey the AccessKey clients send
 * @param role what it may do
 * @param topics the only topics it may use; empty = every topic of the instance
 * @param groups the only consumer groups it may use; empty = every group of the instance
 * @param enabled false = nodes refuse it (kept in the desired state so they can say why)
 * @param secretKey the SecretKey, plaintext
 */
public record InstanceCredential(
        String accessKey, CredentialRole role, List<String> topics, List<String> groups, boolean enabled,
        String secretKey) {
    @Override
    public String toString() {
        return "InstanceCredential[accessKey=" + accessKey + ", role=" + role + ", topics=" + topics + ", groups="
                + groups + ", enabled=" + enabled + ", secretKey=****]";
    }
}
