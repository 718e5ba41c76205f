package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.ClientRequests.heartbeat;
import static io.cloudmq.dataplane.auth.ClientRequests.pull;
import static io.cloudmq.dataplane.auth.ClientRequests.sendV2;
import static io.cloudmq.dataplane.auth.OfficialRequests.request;
import static io.cloudmq.dataplane.auth.OfficialRequests.signed;
import static io.cloudmq.dataplane.auth.Tenants.A;
import static io.cloudmq.dataplane.auth.Tenants.A_DISABLED;
import static io.cloudmq.dataplane.auth.Tenants.A_ORDERS_ONLY;
import static io.cloudmq.dataplane.auth.Tenants.A_PUB;
import static io.cloudmq.dataplane.auth.Tenants.A_SUB;
import static io.cloudmq.dataplane.auth.Tenants.B;
import static io.cloudmq.dataplane.auth.Tenants.OPERATOR;
import static io.cloudmq.dataplane.auth.Tenants.inA;
import static io.cloudmq.dataplane.auth.Tenants.inB;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.junit.jupiter.api.Test;

/** Requests signed by the official client's hook, decoded by our codec, judged by the authorizer. */
class CredentialAuthorizerTest {
    private final AuthorizerFixture fixture = new AuthorizerFixture();

    @Test
    void allowsATenantToSendToItsOwnTopic() {
        assertThat(fixture.authorize(sendV2(inA("PG"), inA("orders")), A).allowed()).isTrue();
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "not-the-secret");

        assertRefused(fixture.authorize(request), "signature mismatch for AccessKey ak-a");
    }

    @Test
    void refusesASignedHeaderReplayedWithAnotherBody() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");

        RemotingCommand replayed = request.withBody("forged".getBytes(StandardCharsets.UTF_8));

        assertThat(fixture.authorize(request).allowed()).isTrue();
        assertRefused(fixture.authorize(replayed), "signature mismatch");
    }

    @Test
    void refusesUnsignedRequests() {
        RemotingCommand request = OfficialRequests.onTheWire(sendV2(inA("PG"), inA("orders")));

        assertRefused(fixture.authorize(request), "unsigned request");
    }

    @Test
    void refusesAnUnknownAccessKey() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-nobody", "sk");

        assertRefused(fixture.authorize(request), "unknown AccessKey ak-nobody");
    }

    @Test
    void refusesADisabledAccessKey() {
        assertRefused(fixture.authorize(sendV2(inA("PG"), inA("orders")), A_DISABLED),
                "AccessKey ak-a-off is disabled");
    }

    @Test
    void stopsAcceptingACredentialAsSoonAsTheTableNoLongerHasIt() {
        fixture.registry.replace(CredentialTable.of(List.of(B), OPERATOR));

        assertRefused(fixture.authorize(sendV2(inA("PG"), inA("orders")), A), "unknown AccessKey ak-a");
    }

    @Test
    void refusesAnotherTenantsTopicAndProducerGroup() {
        assertRefused(fixture.authorize(sendV2(inB("PG"), inA("orders")), B),
                "topic " + inA("orders") + " is outside namespace " + Tenants.NS_B + " of AccessKey ak-b");
        assertRefused(fixture.authorize(sendV2(inA("PG"), inB("orders")), B), "producer group " + inA("PG"));
    }

    @Test
    void refusesNamesWithoutNamespace() {
        assertRefused(fixture.authorize(sendV2("PG", "orders"), A), "is outside namespace");
    }

    @Test
    void refusesSendingWithoutThePubRoleAndPullingWithoutTheSubRole() {
        assertRefused(fixture.authorize(sendV2(inA("PG"), inA("orders")), A_SUB),
                "AccessKey ak-a-sub has role sub and may not PUB on topic " + inA("orders"));
        assertRefused(fixture.authorize(pull(inA("CG"), inA("orders")), A_PUB), "has role pub and may not SUB");
        assertThat(fixture.authorize(pull(inA("CG"), inA("orders")), A_SUB).allowed()).isTrue();
    }

    @Test
    void letsASubscriberSendFailedMessagesBackToItsRetryTopic() {
        String retryTopic = "%RETRY%" + inA("CG");

        assertThat(fixture.authorize(sendV2("CLIENT_INNER_PRODUCER", retryTopic), A_SUB).allowed()).isTrue();
        assertRefused(fixture.authorize(sendV2("CLIENT_INNER_PRODUCER", retryTopic), A_PUB), "may not SUB");
    }

    @Test
    void refusesAdminCodesToTenantsAndAllowsEverythingToTheOperator() {
        var createTopic = request(RequestCode.UPDATE_AND_CREATE_TOPIC, null, null);

        assertRefused(fixture.authorize(createTopic, A), "needs the operator credential");
        assertThat(fixture.authorize(request(RequestCode.UPDATE_AND_CREATE_TOPIC, null, null), OPERATOR).allowed())
                .isTrue();
        assertThat(fixture.authorize(sendV2(inB("PG"), inA("orders")), OPERATOR).allowed()).isTrue();
    }

    @Test
    void refusesCodesNoServerServes() {
        assertRefused(fixture.authorize(request(RequestCode.CHECK_TRANSACTION_STATE, null, null), A),
                "request code 39 is not available to tenants");
    }

    @Test
    void appliesTheNamespaceV2ANamespaceV2ClientSends() {
        RemotingCommand own = OfficialRequests.signedWithNamespaceV2(
                sendV2("PG", "orders"), Tenants.NS_A, "ak-a", "sk-a");
        RemotingCommand claimed = OfficialRequests.signedWithNamespaceV2(
                sendV2("PG", "orders"), Tenants.NS_A, "ak-b", "sk-b");
        RemotingCommand smuggled = OfficialRequests.signedWithNamespaceV2(
                sendV2("PG", inA("orders")), Tenants.NS_B, "ak-b", "sk-b");

        assertThat(own.extField("ns")).isEqualTo(Tenants.NS_A);
        assertThat(own.extField("nsd")).isEqualTo("true");
        assertThat(fixture.authorize(own).allowed()).isTrue();
        assertRefused(fixture.authorize(claimed),
                "namespace " + Tenants.NS_A + " (ext field ns) is not the namespace of AccessKey ak-b");
        assertRefused(fixture.authorize(smuggled), "is outside namespace " + Tenants.NS_B);
    }

    @Test
    void checksEveryGroupAndTopicInAHeartbeat() {
        assertThat(fixture.authorize(heartbeat(inA("CG"), inA("orders"), inA("PG")), A).allowed()).isTrue();
        assertRefused(fixture.authorize(heartbeat(inA("CG"), inA("orders"), inA("PG")), B), "is outside namespace");
        assertRefused(fixture.authorize(heartbeat(inA("CG"), inB("orders"), inA("PG")), A), "topic " + inB("orders"));
        assertRefused(fixture.authorize(heartbeat(inA("CG"), inA("orders"), inB("PG")), A),
                "producer group " + inB("PG"));
    }

    @Test
    void refusesABodyThatCannotBeRead() {
        var heartbeat = request(RequestCode.HEART_BEAT, null, "{not json".getBytes(StandardCharsets.UTF_8));

        assertRefused(fixture.authorize(heartbeat, A), "is not valid JSON");
    }

    @Test
    void keepsACredentialToItsAllowListedTopicsAndGroups() {
        assertThat(fixture.authorize(sendV2(inA("PG"), inA("orders")), A_ORDERS_ONLY).allowed()).isTrue();
        assertThat(fixture.authorize(pull(inA("billing"), inA("orders")), A_ORDERS_ONLY).allowed()).isTrue();
        assertRefused(fixture.authorize(sendV2(inA("PG"), inA("payments")), A_ORDERS_ONLY),
                "topic " + inA("payments") + " is not in the allow-list of AccessKey ak-a-orders");
        assertRefused(fixture.authorize(pull(inA("audit"), inA("orders")), A_ORDERS_ONLY),
                "consumer group " + inA("audit"));
        assertRefused(fixture.authorize(pull(inA("audit"), "%RETRY%" + inA("audit")), A_ORDERS_ONLY), "allow-list");
    }

    @Test
    void letsEveryProducerLookUpTheAutoCreateTemplateButNotSendToIt() {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic("TBW102");

        assertThat(fixture.authorize(request(RequestCode.GET_ROUTEINFO_BY_TOPIC, header, null), A_PUB).allowed())
                .isTrue();
        assertRefused(fixture.authorize(sendV2(inA("PG"), "TBW102"), A_PUB), "topic TBW102 is outside namespace");
    }

    private static void assertRefused(AuthorizationDecision decision, String reason) {
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains(reason);
    }
}
