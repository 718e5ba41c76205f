package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeRegistrationGateTest {

    @Test
    void admitsOnlyTheBootstrapTokenAsBearer() {
        NodeRegistrationGate gate = new NodeRegistrationGate("s3cret");

        assertThat(gate.admits("Bearer s3cret")).isTrue();
        assertThat(gate.admits("Bearer s3cre")).isFalse();
        assertThat(gate.admits("s3cret")).isFalse();
        assertThat(gate.admits("")).isFalse();
    }

    @Test
    void withoutAConfiguredTokenNobodyRegisters() {
        NodeRegistrationGate gate = new NodeRegistrationGate("");

        assertThat(gate.admits("Bearer ")).isFalse();
        assertThat(gate.admits("Bearer anything")).isFalse();
    }
}
