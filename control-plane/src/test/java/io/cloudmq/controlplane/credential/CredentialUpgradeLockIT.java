package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Credential changes are instance mutations: refused with 423 while an upgrade window runs; reads still work. */
@FullStackTest
class CredentialUpgradeLockIT {
    private static final CreateCredentialRequest SUB = new CreateCredentialRequest(CredentialRole.SUB, null, null);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void credentialMutationsAreRefusedWith423WhileAWindowRunsAndSucceedAfter() {
        ManagementClient client = ApiClients.admin(port);
        String cluster = TestClusters.create(jdbc);
        String instanceId = client.createInstance(TestData.instanceOn(cluster), null).id();
        String accessKey = client.createCredential(instanceId, SUB, null).credential().accessKey();
        UpgradeWindowView window = client.scheduleUpgradeWindow(cluster, TestData.window(6), null);
        client.startUpgradeWindow(cluster, window.id());

        assertLocked(() -> client.createCredential(instanceId, SUB, null), window);
        assertLocked(() -> client.disableCredential(instanceId, accessKey), window);
        assertLocked(() -> client.enableCredential(instanceId, accessKey), window);
        assertLocked(() -> client.deleteCredential(instanceId, accessKey), window);
        assertThat(client.getCredential(instanceId, accessKey).enabled()).isTrue();
        assertThat(client.listCredentials(instanceId, null, null).items()).hasSize(1);

        client.abortUpgradeWindow(cluster, window.id());
        assertThat(client.disableCredential(instanceId, accessKey).enabled()).isFalse();
        assertThat(client.createCredential(instanceId, SUB, null).credential().enabled()).isTrue();
    }

    private static void assertLocked(ThrowingCallable mutation, UpgradeWindowView window) {
        assertThatThrownBy(mutation).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(423);
            assertThat(p.code()).isEqualTo(ErrorCode.INSTANCE_LOCKED);
            assertThat(p.extensions()).containsEntry("windowId", window.id().toString());
        });
    }
}
