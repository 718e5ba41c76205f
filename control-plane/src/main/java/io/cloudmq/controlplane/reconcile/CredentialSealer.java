package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.SealedSecret;
import io.cloudmq.controlplane.credential.InstanceCredential;
import io.cloudmq.controlplane.credential.OperatorSecret;
import io.cloudmq.controlplane.node.NodeToken;

/**
 * Turns credentials with plaintext secrets into their desired-state form, each secret sealed with the
 * cluster's node token ({@link SealedSecret}), so neither the push body nor a node's state file holds a
 * secret in clear. The instance id is the namespace, as in every wire name. Thread-safe (immutable).
 */
final class CredentialSealer {
    private final NodeToken nodeToken;

    CredentialSealer(NodeToken nodeToken) {
        this.nodeToken = nodeToken;
    }

    DesiredCredential seal(String instanceId, InstanceCredential credential) {
        return new DesiredCredential(credential.accessKey(), instanceId, roleName(credential.role()),
                credential.topics(), credential.groups(), credential.enabled(),
                SealedSecret.seal(nodeToken.value(), credential.accessKey(), credential.secretKey()));
    }

    DesiredOperatorCredential seal(OperatorSecret operator) {
        return new DesiredOperatorCredential(operator.accessKey(),
                SealedSecret.seal(nodeToken.value(), operator.accessKey(), operator.secretKey()));
    }

    /** The role as nodes name it: {@code pub}, {@code sub}, {@code pub+sub}. */
    static String roleName(CredentialRole role) {
        return switch (role) {
            case PUB -> "pub";
            case SUB -> "sub";
            case PUB_SUB -> "pub+sub";
        };
    }
}
