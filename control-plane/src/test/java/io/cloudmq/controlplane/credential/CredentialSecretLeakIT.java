package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.EmbeddedPostgresSupport;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A SecretKey leaves the control plane once, in the creation answer: the test greps every table, the audit
 * trail, the idempotency store and the log output captured meanwhile for it (plain, hex and base64). The one
 * deliberate exception is outside this test's scope: standalone mode's first start prints the demo instance's
 * credential once to the console ({@code standalone.ConnectionNotice}, checked by {@code StandaloneIT}); this
 * test runs the control plane with an external database, where no such notice exists.
 */
@FullStackTest
@ExtendWith(OutputCaptureExtension.class)
class CredentialSecretLeakIT {
    private static final CreateCredentialRequest PUB_SUB =
            new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecretKeyIsInNoTableAuditEventIdempotencyRecordOrLogLine(CapturedOutput output) throws Exception {
        ManagementClient client = ApiClients.admin(port);
        String instanceId = client.createInstance(TestData.instanceOn("local"), null).id();
        String idempotencyKey = "leak-" + UUID.randomUUID();

        CreatedCredentialView created = client.createCredential(instanceId, PUB_SUB, idempotencyKey);
        CreatedCredentialView repeated = client.createCredential(instanceId, PUB_SUB, idempotencyKey);
        String accessKey = created.credential().accessKey();
        client.getCredential(instanceId, accessKey);
        client.listCredentials(instanceId, null, null);
        client.disableCredential(instanceId, accessKey);
        client.enableCredential(instanceId, accessKey);
        assertThatThrownBy(() -> client.createCredential(
                instanceId, new CreateCredentialRequest(CredentialRole.PUB, List.of("missing"), null), null))
                .isInstanceOf(ProblemException.class);

        String database = everyRowOfEveryTable();
        String audit = client.exchange("GET", "/api/v1/audit-events?pageSize=100", null, null);
        String log = output.getAll();

        assertThat(repeated.credential().accessKey())
                .as("a repeated Idempotency-Key creates a new credential instead of replaying a stored secret")
                .isNotEqualTo(accessKey);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_records WHERE idempotency_key = ?")
                .param(idempotencyKey).query(Long.class).single()).isZero();
        assertThat(database).as("the dump sees the credential's row").contains(accessKey);
        assertThat(audit).as("the audit trail holds the calls").contains(accessKey + "/disable");
        assertThat(log).as("the log output is captured").contains(accessKey);
        for (String secret : List.of(created.secretKey(), repeated.secretKey(), operatorSecret())) {
            for (String encoded : encodings(secret)) {
                assertThat(database).doesNotContain(encoded);
                assertThat(audit).doesNotContain(encoded);
                assertThat(log).doesNotContain(encoded);
            }
        }
    }

    private String everyRowOfEveryTable() {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")
                .query(String.class).list();
        assertThat(tables).contains("credentials", "operator_credentials", "audit_events", "idempotency_records");
        return tables.stream()
                .map(table -> jdbc.sql("SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"" + table + "\" t")
                        .query(String.class).single())
                .collect(Collectors.joining("\n"));
    }

    private static String operatorSecret() throws Exception {
        return Files.readAllLines(EmbeddedPostgresSupport.dataDir().resolve(OperatorCredentialBootstrap.FILE_NAME))
                .get(1).substring("secretKey=".length());
    }

    private static List<String> encodings(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.US_ASCII);
        return List.of(secret, HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes));
    }
}
