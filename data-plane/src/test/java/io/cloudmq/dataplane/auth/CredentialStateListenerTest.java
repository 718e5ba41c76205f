package io.cloudmq.dataplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.SealedSecret;
import io.cloudmq.dataplane.config.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialStateListenerTest {
    private static final String TOKEN = "node-token";
    private static final DesiredOperatorCredential OPERATOR =
            new DesiredOperatorCredential("OPS", SealedSecret.seal(TOKEN, "OPS", "ops-secret"));

    private final CredentialRegistry registry = new CredentialRegistry();
    private final CredentialStateListener listener = new CredentialStateListener(new Secret(TOKEN), registry);

    @Test
    void opensEverySealedSecretIntoTheTable() {
        listener.onDesiredState(state(List.of(credential("AK1", "pub", SealedSecret.seal(TOKEN, "AK1", "s1")))));

        CredentialTable table = registry.current();
        assertThat(table.operator()).hasValueSatisfying(operator ->
                assertThat(operator.secretKey().value()).isEqualTo("ops-secret"));
        assertThat(table.find("AK1")).hasValueSatisfying(found -> {
            TenantCredential tenant = (TenantCredential) found;
            assertThat(tenant.secretKey().value()).isEqualTo("s1");
            assertThat(tenant.namespace()).isEqualTo("ns1");
            assertThat(tenant.role()).isEqualTo(Role.PUB);
            assertThat(tenant.enabled()).isFalse();
        });
    }

    @Test
    void withoutAnOperatorCredentialTheTableIsEmpty() {
        listener.onDesiredState(new DesiredState(1, List.of(), List.of(),
                List.of(credential("AK1", "pub", SealedSecret.seal(TOKEN, "AK1", "s1"))), null));

        assertThat(registry.current()).isSameAs(CredentialTable.EMPTY);
    }

    @Test
    void aCredentialSealedForAnotherTokenIsLeftOutAndTheOthersStay() {
        listener.onDesiredState(state(List.of(
                credential("AK1", "pub", SealedSecret.seal("other-token", "AK1", "s1")),
                credential("AK2", "sub", SealedSecret.seal(TOKEN, "AK2", "s2")))));

        assertThat(registry.current().find("AK1")).isEmpty();
        assertThat(registry.current().find("AK2")).isPresent();
    }

    @Test
    void anUnknownRoleIsLeftOut() {
        listener.onDesiredState(state(List.of(credential("AK1", "admin", SealedSecret.seal(TOKEN, "AK1", "s1")))));

        assertThat(registry.current().find("AK1")).isEmpty();
        assertThat(registry.current().operator()).isPresent();
    }

    private static DesiredState state(List<DesiredCredential> credentials) {
        return new DesiredState(1, List.of(), List.of(), credentials, OPERATOR);
    }

    private static DesiredCredential credential(String accessKey, String role, String sealed) {
        return new DesiredCredential(accessKey, "ns1", role, List.of(), List.of(), false, sealed);
    }
}
