package io.cloudmq.controlplane.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.audit.AuditOutcome;
import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ProblemException;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import io.cloudmq.controlplane.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@FullStackTest
class AuditApiIT {
    @LocalServerPort
    int port;

    @Test
    void acceptedAndRefusedMutationsAreRecordedNewestFirst() {
        ManagementClient admin = ApiClients.admin(port);
        CreatedApiKeyView readerKey = admin.createApiKey(new CreateApiKeyRequest("reader", ApiKeyRole.READ_ONLY), null);
        ManagementClient reader = ApiClients.withToken(port, readerKey.token());
        String instanceId = admin.createInstance(TestData.instanceOn("local"), null).id();
        assertThatThrownBy(() -> reader.deleteInstance(instanceId, false, null)).isInstanceOf(ProblemException.class);

        List<AuditEventView> latest = admin.listAuditEvents(null, 10).items();

        AuditEventView refused = latest.get(0);
        assertThat(refused.action()).isEqualTo("DELETE " + "/api/v1/instances/" + instanceId);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(refused.keyId()).isEqualTo(readerKey.key().keyId());
        assertThat(latest).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("POST /api/v1/instances");
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
            assertThat(event.keyId()).isEqualTo(ApiClients.bootstrapToken().substring(4, 16));
        });
    }

    @Test
    void unauthenticatedMutationIsRecordedWithoutKey() {
        ManagementClient anonymous = ApiClients.withToken(port, "nope");
        assertThatThrownBy(() -> anonymous.createInstance(TestData.instanceOn("local"), null))
                .isInstanceOf(ProblemException.class);

        AuditEventView latest = ApiClients.admin(port).listAuditEvents(null, 1).items().get(0);

        assertThat(latest.status()).isEqualTo(401);
        assertThat(latest.keyId()).isNull();
        assertThat(latest.resource()).isEqualTo("/api/v1/instances");
    }

    @Test
    void auditPagesDoNotRepeatEvents() {
        ManagementClient admin = ApiClients.admin(port);
        for (int i = 0; i < 3; i++) {
            admin.createInstance(TestData.instanceOn("local"), null);
        }
        var first = admin.listAuditEvents(null, 2);
        var second = admin.listAuditEvents(first.nextPageToken(), 2);

        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).isNotEmpty().allSatisfy(event -> assertThat(first.items()).doesNotContain(event));
        assertThat(second.items().get(0).id()).isLessThan(first.items().get(1).id());
    }
}
