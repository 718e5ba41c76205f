package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireNamesTest {

    @Test
    void localNamesDropTheInstanceButKeepRetryAndDeadLetterPrefixes() {
        assertThat(WireNames.wire("ns", "orders")).isEqualTo("ns%orders");
        assertThat(WireNames.local("ns", "ns%orders")).hasValue("orders");
        assertThat(WireNames.local("ns", "%RETRY%ns%billing")).hasValue("%RETRY%billing");
        assertThat(WireNames.local("ns", "%DLQ%ns%billing")).hasValue("%DLQ%billing");
    }

    @Test
    void namesOfOtherInstancesOrNoneHaveNoLocalName() {
        assertThat(WireNames.local("ns", "other%orders")).isEmpty();
        assertThat(WireNames.local("ns", "nsx%orders")).isEmpty();
        assertThat(WireNames.local("ns", "%RETRY%other%billing")).isEmpty();
        assertThat(WireNames.local("ns", "ns%")).isEmpty();
        assertThat(WireNames.local("ns", "TBW102")).isEmpty();
    }
}
