package io.cloudmq.controlplane.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialRole;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.instance.QuotaExceededException;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import io.cloudmq.controlplane.topic.TopicService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ControlPlaneTest
class CredentialServiceTest {
    private static final CreateCredentialRequest PUB_SUB =
            new CreateCredentialRequest(CredentialRole.PUB_SUB, null, null);

    @Autowired
    CredentialService credentials;
    @Autowired
    InstanceService instances;
    @Autowired
    TopicService topics;
    @Autowired
    ConsumerGroupService groups;
    @Autowired
    JdbcClient jdbc;

    private String instanceId;

    @BeforeEach
    void instance() {
        instanceId = instances.create(TestData.instanceOn("local")).id();
    }

    @Test
    void storesOnlyTheSealedSecretAndOpensItForTheNodes() {
        CreatedCredentialView created = credentials.create(instanceId, PUB_SUB);
        String accessKey = created.credential().accessKey();

        byte[] stored = jdbc.sql("SELECT secret_ciphertext FROM credentials WHERE access_key = ?")
                .param(accessKey).query(byte[].class).single();
        List<InstanceCredential> forNodes = credentials.credentialsOf(instanceId);

        assertThat(created.secretKey()).matches("[A-Za-z0-9]{40}");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(created.secretKey());
        assertThat(forNodes).singleElement().satisfies(credential -> {
            assertThat(credential.accessKey()).isEqualTo(accessKey);
            assertThat(credential.secretKey()).isEqualTo(created.secretKey());
            assertThat(credential.role()).isEqualTo(CredentialRole.PUB_SUB);
            assertThat(credential.toString()).doesNotContain(created.secretKey());
        });
        assertThat(created.toString()).doesNotContain(created.secretKey());
    }

    @Test
    void restrictionsAreStoredSortedWithoutDuplicates() {
        topics.create(instanceId, TestData.topic("orders"));
        topics.create(instanceId, TestData.topic("audit"));
        groups.create(instanceId, TestData.group("billing"));
        var request = new CreateCredentialRequest(
                CredentialRole.PUB, List.of("orders", "audit", "orders"), List.of("billing"));

        var view = credentials.create(instanceId, request).credential();

        assertThat(view.topics()).containsExactly("audit", "orders");
        assertThat(view.groups()).containsExactly("billing");
        assertThat(credentials.credentialsOf(instanceId).get(0).topics()).containsExactly("audit", "orders");
    }

    @Test
    void topicsOrGroupsOutsideTheInstanceAreFieldErrorsNamingThem() {
        String other = instances.create(TestData.instanceOn("local")).id();
        topics.create(other, TestData.topic("elsewhere"));
        groups.create(other, TestData.group("elsewhere"));

        assertThatThrownBy(() -> credentials.create(instanceId,
                new CreateCredentialRequest(CredentialRole.PUB, List.of("elsewhere"), null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.detail())
                        .startsWith("topics names [elsewhere]"));
        assertThatThrownBy(() -> credentials.create(instanceId,
                new CreateCredentialRequest(CredentialRole.SUB, null, List.of("elsewhere", "missing"))))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.extensions().get("errors"))
                        .asInstanceOf(list(FieldError.class))
                        .extracting(FieldError::field).containsExactly("groups"));
        assertThat(credentials.credentialsOf(instanceId)).isEmpty();
    }

    @Test
    void aDisabledCredentialStaysInTheNodesStateAsDisabled() {
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();

        assertThat(credentials.setEnabled(instanceId, accessKey, false).enabled()).isFalse();
        assertThat(credentials.setEnabled(instanceId, accessKey, false).enabled()).isFalse();

        assertThat(credentials.credentialsOf(instanceId)).singleElement()
                .satisfies(credential -> assertThat(credential.enabled()).isFalse());
        assertThat(credentials.setEnabled(instanceId, accessKey, true).enabled()).isTrue();
    }

    @Test
    void lastUseOnlyMovesForward() {
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();
        Instant later = Instant.parse("2030-01-01T00:00:10Z");

        credentials.recordUse(accessKey, later);
        credentials.recordUse(accessKey, later.minusSeconds(5));
        credentials.recordUse("AAAAAAAAAAAAAAAAAAAA", later);

        assertThat(credentials.get(instanceId, accessKey).lastUsedAt()).isEqualTo(later);
    }

    @Test
    void aCredentialIsFoundOnlyInItsOwnInstance() {
        String other = instances.create(TestData.instanceOn("local")).id();
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();

        assertThatThrownBy(() -> credentials.get(other, accessKey)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> credentials.delete(other, accessKey)).isInstanceOf(ResourceNotFoundException.class);
        assertThat(credentials.get(instanceId, accessKey).accessKey()).isEqualTo(accessKey);
    }

    @Test
    void anInstanceHoldsAtMostItsQuotaOfCredentials() {
        for (int i = 0; i < CredentialService.MAX_PER_INSTANCE; i++) {
            credentials.create(instanceId, PUB_SUB);
        }

        assertThatThrownBy(() -> credentials.create(instanceId, PUB_SUB))
                .isInstanceOf(QuotaExceededException.class)
                .hasMessageContaining("credentials");
    }

    @Test
    void anInstanceWithCredentialsIsDeletedOnlyWithForceAndTakesThemAlong() {
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();

        assertThatThrownBy(() -> instances.delete(instanceId, false, null))
                .isInstanceOf(StateConflictException.class)
                .hasMessageContaining("1 credentials");
        instances.delete(instanceId, true, null);

        assertThat(jdbc.sql("SELECT count(*) FROM credentials WHERE access_key = ?").param(accessKey)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anAlteredRowIsRefusedInsteadOfPushingAWrongSecret() {
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();
        jdbc.sql("UPDATE credentials SET secret_ciphertext = overlay(secret_ciphertext PLACING '\\x00'::bytea "
                        + "FROM 20 FOR 1) WHERE access_key = ?")
                .param(accessKey).update();

        assertThatThrownBy(() -> credentials.credentialsOf(instanceId))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(accessKey);
    }

    @Test
    void aNewRowWithATakenAccessKeyFailsInsteadOfOverwritingTheStoredOne(@Autowired CredentialRepository rows) {
        String accessKey = credentials.create(instanceId, PUB_SUB).credential().accessKey();
        String other = instances.create(TestData.instanceOn("local")).id();
        var colliding = new Credential(accessKey, other, CredentialRole.SUB, List.of(), List.of(), new byte[69],
                Instant.now());

        assertThatThrownBy(() -> rows.saveAndFlush(colliding)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(credentials.get(instanceId, accessKey).role()).isEqualTo(CredentialRole.PUB_SUB);
    }

    @Test
    void aClusterGetsOneOperatorCredential(@Autowired OperatorCredentialService operators) {
        String cluster = TestClusters.create(jdbc);

        var created = operators.createIfAbsent(cluster);

        assertThat(created).hasValueSatisfying(secret -> {
            assertThat(operators.secret(cluster)).isEqualTo(secret);
            assertThat(operators.get(cluster).accessKey()).isEqualTo(secret.accessKey()).matches("[A-Za-z0-9]{20}");
            assertThat(secret.toString()).doesNotContain(secret.secretKey());
        });
        assertThat(operators.createIfAbsent(cluster)).isEmpty();
        assertThat(operators.secret(cluster)).isEqualTo(created.get());
        assertThatThrownBy(() -> operators.get("no-such-cluster")).isInstanceOf(ResourceNotFoundException.class);
    }
}
