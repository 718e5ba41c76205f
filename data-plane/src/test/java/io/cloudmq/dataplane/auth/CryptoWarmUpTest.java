package io.cloudmq.dataplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CryptoWarmUpTest {
    @Test
    void sealsOpensSignsAndVerifiesThroughTheProductionCredentialPath() {
        assertThat(CryptoWarmUp.run()).isTrue();
    }
}
