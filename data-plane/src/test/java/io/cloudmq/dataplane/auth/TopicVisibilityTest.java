package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.Tenants.inA;
import static io.cloudmq.dataplane.auth.Tenants.inB;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicVisibilityTest {
    private static final List<String> ALL = List.of(
            inA("orders"), inB("orders"), "%RETRY%" + inA("CG"), "%DLQ%" + inB("CG"), "TBW102", "orders");

    private final TopicVisibility visibility = new TopicVisibility(new CredentialRegistry(Tenants.table()));

    @Test
    void showsATenantOnlyTheTopicsOfItsNamespace() {
        assertThat(visibility.visibleTopics(signedBy(Tenants.A), ALL))
                .containsExactly(inA("orders"), "%RETRY%" + inA("CG"));
        assertThat(visibility.visibleTopics(signedBy(Tenants.B), ALL))
                .containsExactly(inB("orders"), "%DLQ%" + inB("CG"));
    }

    @Test
    void showsTheOperatorEverything() {
        assertThat(visibility.visibleTopics(signedBy(Tenants.OPERATOR), ALL)).isEqualTo(ALL);
    }

    @Test
    void showsNothingToUnsignedOrUnknownRequesters() {
        RemotingCommand unsigned = RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, Map.of());
        RemotingCommand unknown = RemotingCommand.request(
                RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, Map.of(RequestSignature.ACCESS_KEY, "ak-nobody"));

        assertThat(visibility.visibleTopics(unsigned, ALL)).isEmpty();
        assertThat(visibility.forRequest(unknown).test(inA("orders"))).isFalse();
    }

    private static RemotingCommand signedBy(Credential credential) {
        return RequestSignature.sign(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, Map.of()),
                credential.accessKey(), credential.secretKey());
    }
}
