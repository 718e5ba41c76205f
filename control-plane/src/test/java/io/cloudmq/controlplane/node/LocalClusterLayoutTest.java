package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class LocalClusterLayoutTest {

    @Test
    void defaultPortsAreTheDocumentedOnes() {
        LocalClusterLayout layout = LocalClusterLayout.forPortBase(9876);

        assertThat(layout.nodes()).extracting(NodeSpec::nodeId, NodeSpec::remotingPort, NodeSpec::adminPort)
                .containsExactly(
                        tuple("namesrv-0", 9876, 10876),
                        tuple("namesrv-1", 9877, 10877),
                        tuple("broker-a-0", 10911, 11911),
                        tuple("broker-a-1", 10921, 11921),
                        tuple("broker-b-0", 10931, 11931),
                        tuple("broker-b-1", 10941, 11941));
        assertThat(layout.nameServerAddresses()).isEqualTo("127.0.0.1:9876;127.0.0.1:9877");
    }

    @Test
    void portBaseMovesEveryPortByTheSameDistance() {
        LocalClusterLayout layout = LocalClusterLayout.forPortBase(20876);

        assertThat(layout.nodes()).extracting(NodeSpec::remotingPort)
                .containsExactly(20876, 20877, 21911, 21921, 21931, 21941);
        assertThat(layout.nameServerAddresses()).isEqualTo("127.0.0.1:20876;127.0.0.1:20877");
        assertThat(layout.masterAddress("broker-b")).isEqualTo("127.0.0.1:21931");
    }

    @Test
    void brokersCarryTheirGroupAndIdAndNameServersDoNot() {
        LocalClusterLayout layout = LocalClusterLayout.forPortBase(9876);

        assertThat(layout.nodes().get(3).registration())
                .satisfies(registration -> {
                    assertThat(registration.brokerName()).isEqualTo("broker-a");
                    assertThat(registration.brokerId()).isEqualTo(1);
                    assertThat(registration.adminUrl()).isEqualTo("http://127.0.0.1:11921");
                    assertThat(registration.remotingAddress()).isEqualTo("127.0.0.1:10921");
                });
        assertThat(layout.nodes().get(0).registration().brokerName()).isNull();
    }

    @Test
    void withoutSlavesEveryGroupIsItsMasterAloneOnTheMastersPorts() {
        LocalClusterLayout layout = LocalClusterLayout.forPortBase(9876, false);

        assertThat(layout.nodes()).extracting(NodeSpec::nodeId, NodeSpec::remotingPort)
                .containsExactly(
                        tuple("namesrv-0", 9876),
                        tuple("namesrv-1", 9877),
                        tuple("broker-a-0", 10911),
                        tuple("broker-b-0", 10931));
        assertThat(layout.masterAddress("broker-b")).isEqualTo("127.0.0.1:10931");
    }
}
