package io.cloudmq.dataplane.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.config.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialTableTest {

    @Test
    void findsTenantAndOperatorCredentialsByAccessKey() {
        CredentialTable table = Tenants.table();

        assertThat(table.find("ak-a")).contains(Tenants.A);
        assertThat(table.find("ak-operator")).contains(Tenants.OPERATOR);
        assertThat(table.find("ak-nobody")).isEmpty();
    }

    @Test
    void refusesTwoCredentialsWithOneAccessKey() {
        TenantCredential clash = TenantCredential.of("ak-a", new Secret("other"), Tenants.NS_B, Role.SUB);

        assertThatThrownBy(() -> CredentialTable.of(List.of(Tenants.A, clash), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ak-a");
    }

    @Test
    void neverPrintsTheSecretKey() {
        assertThat(Tenants.A.toString()).contains("ak-a").doesNotContain("sk-a");
        assertThat(Tenants.OPERATOR.toString()).doesNotContain("sk-operator");
    }

    @Test
    void refusesANamespaceContainingTheSeparator() {
        assertThatThrownBy(() -> TenantCredential.of("ak", new Secret("sk"), "a%b", Role.PUB))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRolesByTheirControlPlaneNames() {
        assertThat(Role.fromName("pub+sub")).isEqualTo(Role.PUB_SUB);
        assertThat(Role.fromName("sub").permits(Action.PUB)).isFalse();
        assertThat(Role.fromName("pub").permits(Action.ANY)).isTrue();
        assertThat(Role.PUB_SUB.permits(Action.ADMIN)).isFalse();
    }

    @Test
    void replacesTheWholeTableAtOnce() {
        CredentialRegistry registry = new CredentialRegistry();
        assertThat(registry.current().find("ak-a")).isEmpty();

        registry.replace(Tenants.table());

        assertThat(registry.current().find("ak-a")).contains(Tenants.A);
    }
}
