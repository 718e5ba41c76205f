package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.credential.CredentialView;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FullStackTest
class CredentialApiIT {
    private static final CreateCredentialRequest PUB = new CreateCredentialRequest(CredentialRole.PUB, null, null);

    @LocalServerPort
    int port;

    private ManagementClient client;
    private String instanceId;

    @BeforeEach
    void instance() {
        client = ApiClients.admin(port);
        instanceId = client.createInstance(TestData.instanceOn("local"), null).id();
    }

    @Test
    void createsReadsListsDisablesEnablesAndDeletesACredential() {
        client.createTopic(instanceId, TestData.topic("orders"), null);
        var request = new CreateCredentialRequest(CredentialRole.PUB_SUB, List.of("orders"), null);

        CreatedCredentialView created = client.createCredential(instanceId, request, null);
        CredentialView credential = created.credential();
        String accessKey = credential.accessKey();

        assertThat(accessKey).matches("[A-Za-z0-9]{20}");
        assertThat(created.secretKey()).matches("[A-Za-z0-9]{40}");
        assertThat(credential.role()).isEqualTo(CredentialRole.PUB_SUB);
        assertThat(credential.topics()).containsExactly("orders");
        assertThat(credential.groups()).isEmpty();
        assertThat(credential.enabled()).isTrue();
        assertThat(credential.lastUsedAt()).isNull();
        assertThat(client.getCredential(instanceId, accessKey)).isEqualTo(credential);
        assertThat(client.listCredentials(instanceId, null, null).items()).containsExactly(credential);

        assertThat(client.disableCredential(instanceId, accessKey).enabled()).isFalse();
        assertThat(client.getCredential(instanceId, accessKey).enabled()).isFalse();
        assertThat(client.enableCredential(instanceId, accessKey).enabled()).isTrue();

        client.deleteCredential(instanceId, accessKey);
        assertStatus(() -> client.getCredential(instanceId, accessKey), 404);
        assertThat(client.listCredentials(instanceId, null, null).items()).isEmpty();
    }

    @Test
    void theSecretKeyIsInTheCreationAnswerOnly() {
        CreatedCredentialView created = client.createCredential(instanceId, PUB, null);
        String path = "/api/v1/instances/" + instanceId + "/credentials";

        String list = client.exchange("GET", path, null, null);
        String one = client.exchange("GET", path + "/" + created.credential().accessKey(), null, null);
        String disabled =
                client.exchange("POST", path + "/" + created.credential().accessKey() + "/disable", null, null);

        assertThat(list).contains(created.credential().accessKey());
        assertThat(List.of(list, one, disabled)).allSatisfy(body ->
                assertThat(body).doesNotContain(created.secretKey()).doesNotContainIgnoringCase("secret"));
    }

    @Test
    void rolesAreWrittenAsPubSubAndPubPlusSub() {
        String path = "/api/v1/instances/" + instanceId + "/credentials";

        String answer = client.exchange("POST", path, "application/json",
                "{\"role\":\"pub+sub\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer).contains("\"role\":\"pub+sub\"");
        var sub = new CreateCredentialRequest(CredentialRole.SUB, null, null);
        assertThat(client.createCredential(instanceId, sub, null).credential().role()).isEqualTo(CredentialRole.SUB);
    }

    @Test
    void anUnknownRoleIsAFieldError() {
        String path = "/api/v1/instances/" + instanceId + "/credentials";
        byte[] body = "{\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> client.exchange("POST", path, "application/json", body))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("role");
                });
        assertThat(client.listCredentials(instanceId, null, null).items()).isEmpty();
    }

    @Test
    void topicsOrGroupsNotInTheInstanceAreFieldErrors() {
        var unknownTopic = new CreateCredentialRequest(CredentialRole.PUB, List.of("missing"), null);
        var unknownGroup = new CreateCredentialRequest(CredentialRole.SUB, null, List.of("missing"));
        var invalidName = new CreateCredentialRequest(CredentialRole.SUB, List.of("%DLQ%x"), null);

        assertFieldError(() -> client.createCredential(instanceId, unknownTopic, null), "topics");
        assertFieldError(() -> client.createCredential(instanceId, unknownGroup, null), "groups");
        assertFieldError(() -> client.createCredential(instanceId, invalidName, null), "topics[0]");
    }

    @Test
    void unknownInstancesAndAccessKeysAre404() {
        String accessKey = client.createCredential(instanceId, PUB, null).credential().accessKey();
        String other = client.createInstance(TestData.instanceOn("local"), null).id();

        assertStatus(() -> client.createCredential("MQ_INST_000000000000_nothere0", PUB, null), 404);
        assertStatus(() -> client.listCredentials("MQ_INST_000000000000_nothere0", null, null), 404);
        assertStatus(() -> client.getCredential(other, accessKey), 404);
        assertStatus(() -> client.disableCredential(other, accessKey), 404);
        assertStatus(() -> client.deleteCredential(instanceId, "AAAAAAAAAAAAAAAAAAAA"), 404);
    }

    @Test
    void anInstanceHoldingCredentialsIsDeletedOnlyWithForce() {
        client.createCredential(instanceId, PUB, null);

        assertThatThrownBy(() -> client.deleteInstance(instanceId, false, null))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.detail()).contains("credentials");
                });
        client.deleteInstance(instanceId, true, null);
        assertStatus(() -> client.listCredentials(instanceId, null, null), 404);
    }

    @Test
    void listsPageByAccessKey() {
        for (int i = 0; i < 3; i++) {
            client.createCredential(instanceId, PUB, null);
        }

        var first = client.listCredentials(instanceId, null, 2);
        var second = client.listCredentials(instanceId, first.nextPageToken(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextPageToken()).isNull();
        assertThat(first.items().get(1).accessKey()).isLessThan(second.items().get(0).accessKey());
    }

    @Test
    void mutationsAreAuditedWithoutTheirAnswers() {
        String accessKey = client.createCredential(instanceId, PUB, null).credential().accessKey();
        client.disableCredential(instanceId, accessKey);
        client.deleteCredential(instanceId, accessKey);

        List<AuditEventView> events = client.listAuditEvents(null, 100).items();

        String base = "/api/v1/instances/" + instanceId + "/credentials";
        assertThat(events).extracting(AuditEventView::action, AuditEventView::resource, AuditEventView::status)
                .contains(
                        tuple(
                                "POST /api/v1/instances/{instanceId}/credentials", base, 201),
                        tuple(
                                "POST /api/v1/instances/{instanceId}/credentials/{accessKey}/disable",
                                base + "/" + accessKey + "/disable", 200),
                        tuple(
                                "DELETE /api/v1/instances/{instanceId}/credentials/{accessKey}",
                                base + "/" + accessKey, 204));
    }

    private static void assertStatus(ThrowingCallable call, int status) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(status));
    }

    private static void assertFieldError(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.code()).isEqualTo(ErrorCode.VALIDATION);
            assertThat(p.errors()).extracting(FieldError::field).containsExactly(field);
        });
    }
}
