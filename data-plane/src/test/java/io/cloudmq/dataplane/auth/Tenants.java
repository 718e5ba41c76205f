package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.config.Secret;
import java.util.List;
import java.util.Set;

/** Two tenants and an operator, the credentials the auth tests sign with. */
final class Tenants {
    static final String NS_A = "MQ_INST_000000000001_aaaaaaaa";
    static final String NS_B = "MQ_INST_000000000002_bbbbbbbb";

    static final TenantCredential A = TenantCredential.of("ak-a", new Secret("sk-a"), NS_A, Role.PUB_SUB);
    static final TenantCredential A_PUB = TenantCredential.of("ak-a-pub", new Secret("sk-a-pub"), NS_A, Role.PUB);
    static final TenantCredential A_SUB = TenantCredential.of("ak-a-sub", new Secret("sk-a-sub"), NS_A, Role.SUB);
    static final TenantCredential A_DISABLED = new TenantCredential(
            "ak-a-off", new Secret("sk-a-off"), NS_A, Role.PUB_SUB, Set.of(), Set.of(), false);
    static final TenantCredential A_ORDERS_ONLY = new TenantCredential(
            "ak-a-orders", new Secret("sk-a-orders"), NS_A, Role.PUB_SUB, Set.of("orders"), Set.of("billing"), true);
    static final TenantCredential B = TenantCredential.of("ak-b", new Secret("sk-b"), NS_B, Role.PUB_SUB);
    static final OperatorCredential OPERATOR = new OperatorCredential("ak-operator", new Secret("sk-operator"));

    private Tenants() {}

    static CredentialTable table() {
        return CredentialTable.of(List.of(A, A_PUB, A_SUB, A_DISABLED, A_ORDERS_ONLY, B), OPERATOR);
    }

    /** A wire name in tenant A's namespace, as a {@code setNamespace} client writes it. */
    static String inA(String name) {
        return NS_A + "%" + name;
    }

    static String inB(String name) {
        return NS_B + "%" + name;
    }
}
