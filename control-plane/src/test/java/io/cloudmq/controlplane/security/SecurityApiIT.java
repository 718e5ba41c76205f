package io.cloudmq.controlplane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.ApiKeyView;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresSupport;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@FullStackTest
class SecurityApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void bootstrapKeyFileIsOwnerOnlyAndHoldsAWorkingAdminToken() throws Exception {
        var file = EmbeddedPostgresSupport.dataDir().resolve("bootstrap-admin.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ApiClients.bootstrapToken()).matches("cmq_[a-z0-9]{12}_[A-Za-z0-9]{40}");
        assertThat(ApiClients.admin(port).listClusters()).isNotEmpty();
    }

    @Test
    void onlyTheSecretsHashIsStored() {
        CreatedApiKeyView created =
                ApiClients.admin(port).createApiKey(new CreateApiKeyRequest("ci", ApiKeyRole.ADMIN), null);
        String secret = created.token().substring(created.token().lastIndexOf('_') + 1);

        byte[] stored = jdbc.sql("SELECT secret_sha256 FROM api_keys WHERE key_id = ?")
                .param(created.key().keyId()).query(byte[].class).single();

        assertThat(stored).hasSize(32).isNotEqualTo(secret.getBytes());
        assertThat(stored).isEqualTo(ApiTokens.sha256(secret));
    }

    @Test
    void readOnlyKeyReadsButCannotWrite() {
        ManagementClient admin = ApiClients.admin(port);
        ManagementClient reader = ApiClients.withRole(port, ApiKeyRole.READ_ONLY);
        String instanceId = admin.createInstance(TestData.instanceOn("local"), null).id();

        assertThat(reader.getInstance(instanceId).id()).isEqualTo(instanceId);
        assertThatThrownBy(() -> reader.createTopic(instanceId, TestData.topic("nope"), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                });
        assertThatThrownBy(reader::listApiKeys)
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(403));
    }

    @Test
    void revokedKeyIsRejected() {
        ManagementClient admin = ApiClients.admin(port);
        CreatedApiKeyView created = admin.createApiKey(new CreateApiKeyRequest("temp", ApiKeyRole.READ_ONLY), null);
        ManagementClient temp = ApiClients.withToken(port, created.token());
        assertThat(temp.listClusters()).isNotEmpty();

        admin.deleteApiKey(created.key().keyId());

        assertThatThrownBy(temp::listClusters)
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(401));
        assertThat(admin.listApiKeys()).extracting(ApiKeyView::keyId).doesNotContain(created.key().keyId());
    }
}
