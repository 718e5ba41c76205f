package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.Tenants.NS_A;
import static io.cloudmq.dataplane.auth.Tenants.NS_B;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.Map;
import org.apache.rocketmq.remoting.protocol.NamespaceUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamespacedNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "%RETRY%CG", "%DLQ%CG", "TBW102", "SCHEDULE_TOPIC_XXXX",
            "RMQ_SYS_TRANS_HALF_TOPIC", "rmq_sys_wheel_timer", "CID_RMQ_SYS_TRANS", NS_A + "%orders",
            "%RETRY%" + NS_A + "%CG"})
    void wrapsNamesAsTheOfficialClientDoes(String name) {
        assertThat(NamespacedNames.wrap(NS_A, name)).isEqualTo(NamespaceUtil.wrapNamespace(NS_A, name));
    }

    @Test
    void placesTopicsGroupsRetryAndDeadLetterTopicsInsideTheirNamespace() {
        assertThat(NamespacedNames.isInside(NS_A, NS_A + "%orders")).isTrue();
        assertThat(NamespacedNames.isInside(NS_A, "%RETRY%" + NS_A + "%CG")).isTrue();
        assertThat(NamespacedNames.isInside(NS_A, "%DLQ%" + NS_A + "%CG")).isTrue();
        assertThat(NamespacedNames.localName(NS_A, "%RETRY%" + NS_A + "%CG")).isEqualTo("CG");
    }

    @Test
    void keepsOtherNamespacesBareNamesAndNestedSeparatorsOutside() {
        assertThat(NamespacedNames.isInside(NS_A, NS_B + "%orders")).isFalse();
        assertThat(NamespacedNames.isInside(NS_A, "orders")).isFalse();
        assertThat(NamespacedNames.isInside(NS_A, NS_A + "%")).isFalse();
        assertThat(NamespacedNames.isInside(NS_A, NS_A + "%" + NS_B + "%orders")).isFalse();
        assertThat(NamespacedNames.isInside(NS_A, NS_A + "x%orders")).isFalse();
        assertThat(NamespacedNames.isInside(NS_A, "TBW102")).isFalse();
    }

    @Test
    void appliesTheNamespaceV2OfARequestAndLeavesOtherRequestsAlone() {
        RemotingCommand v2 = RemotingCommand.request(11, Map.of("ns", NS_A, "nsd", "true"));
        RemotingCommand plain = RemotingCommand.request(11, Map.of());

        assertThat(NamespacedNames.applyRequestNamespace(v2, "orders")).isEqualTo(NS_A + "%orders");
        assertThat(NamespacedNames.applyRequestNamespace(v2, "%RETRY%CG")).isEqualTo("%RETRY%" + NS_A + "%CG");
        assertThat(NamespacedNames.applyRequestNamespace(plain, "orders")).isEqualTo("orders");
    }
}
