package io.cloudmq.dataplane;

import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.SealedSecret;
import java.util.List;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * Credentials of node ITs, sealed for {@link NodeProcess#TOKEN} as the control plane seals them. Protocol
 * tests that are not about tenancy sign with the operator credential: it may name every topic and group
 * without a namespace and send admin codes, exactly what those tests did before nodes verified signatures.
 */
public final class TestCredentials {
    public static final String OPERATOR_ACCESS_KEY = "it-operator";
    public static final String OPERATOR_SECRET_KEY = "it-operator-secret-0123456789";

    private TestCredentials() {}

    public static DesiredOperatorCredential operator() {
        return new DesiredOperatorCredential(OPERATOR_ACCESS_KEY,
                SealedSecret.seal(NodeProcess.TOKEN, OPERATOR_ACCESS_KEY, OPERATOR_SECRET_KEY));
    }

    /** A tenant credential of {@code namespace} without allow-lists. */
    public static DesiredCredential tenant(String accessKey, String secretKey, String namespace, String role,
            boolean enabled) {
        return new DesiredCredential(accessKey, namespace, role, List.of(), List.of(), enabled,
                SealedSecret.seal(NodeProcess.TOKEN, accessKey, secretKey));
    }

    public static RPCHook operatorHook() {
        return hook(OPERATOR_ACCESS_KEY, OPERATOR_SECRET_KEY);
    }

    public static RPCHook hook(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }
}
