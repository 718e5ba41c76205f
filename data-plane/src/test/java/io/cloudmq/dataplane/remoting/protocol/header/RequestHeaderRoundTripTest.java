package io.cloudmq.dataplane.remoting.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The headers a node writes as a client are read back by its own processors unchanged. */
class RequestHeaderRoundTripTest {

    @Test
    void aSendHeaderWrittenInTheV2NamesReadsBackUnchanged() {
        SendMessageRequestHeader header = new SendMessageRequestHeader("group", "ns%topic", 3, 4, 1_700_000_000_123L, 5,
                "TAGS\u0001t\u0002", 2, true, "broker-a");

        assertThat(header.toV2()).containsEntry("a", "group").containsEntry("b", "ns%topic").containsEntry("m", "true");
        assertThat(SendMessageRequestHeader.fromV2(header.toV2())).isEqualTo(header);
    }

    @Test
    void aPullHeaderReadsBackUnchangedAndLeavesUnsetFieldsOut() {
        PullMessageRequestHeader header = new PullMessageRequestHeader("group", "ns%topic", 1, 42, 32,
                PullMessageRequestHeader.FLAG_COMMIT_OFFSET, 40, 15_000, null, null, 1 << 20);

        assertThat(header.toExtFields()).doesNotContainKeys("subscription", "expressionType");
        assertThat(PullMessageRequestHeader.fromExtFields(header.toExtFields())).isEqualTo(header);
    }
}
