package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.credential.OperatorCredentialView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresSupport;
import io.cloudmq.controlplane.FullStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@FullStackTest
class OperatorCredentialApiIT {
    @LocalServerPort
    int port;
    @Autowired
    OperatorCredentialService operators;

    @Test
    void theConfiguredClusterGetsAnOperatorCredentialWrittenOnceToAnOwnerOnlyFile() throws Exception {
        Path file = EmbeddedPostgresSupport.dataDir().resolve(OperatorCredentialBootstrap.FILE_NAME);
        List<String> lines = Files.readAllLines(file);

        OperatorCredentialView view = ApiClients.admin(port).getOperatorCredential("local");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(lines).containsExactly(
                "accessKey=" + view.accessKey(), "secretKey=" + operators.secret("local").secretKey());
        assertThat(view.clusterId()).isEqualTo("local");
        assertThat(ApiClients.admin(port).exchange("GET", "/api/v1/clusters/local/operator-credential", null, null))
                .doesNotContainIgnoringCase("secret");
    }

    @Test
    void readOnlyKeysAreRefused() {
        ManagementClient reader = ApiClients.withRole(port, ApiKeyRole.READ_ONLY);

        assertThatThrownBy(() -> reader.getOperatorCredential("local"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(403);
                    assertThat(p.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
                });
        assertThat(reader.getCluster("local").id()).isEqualTo("local");
    }

    @Test
    void anUnknownClusterIs404() {
        assertThatThrownBy(() -> ApiClients.admin(port).getOperatorCredential("no-such-cluster"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
    }
}
