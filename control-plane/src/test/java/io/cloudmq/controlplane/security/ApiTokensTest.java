package io.cloudmq.controlplane.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTokensTest {
    @Test
    void generatedTokenParsesBackIntoItsParts() {
        ApiTokens.Parts parts = ApiTokens.generate();

        assertThat(parts.token()).matches("cmq_[a-z0-9]{12}_[A-Za-z0-9]{40}");
        assertThat(ApiTokens.parse(parts.token())).contains(parts);
    }

    @Test
    void malformedTokensDoNotParse() {
        assertThat(ApiTokens.parse("cmq_short_secret")).isEmpty();
        assertThat(ApiTokens.parse("xyz_aaaaaaaaaaaa_" + "b".repeat(40))).isEmpty();
        assertThat(ApiTokens.parse("cmq_aaaaaaaaaaaa_" + "b".repeat(40) + "_extra")).isEmpty();
    }

    @Test
    void secretHashIsSha256() {
        assertThat(ApiTokens.sha256("abc")).hasSize(32).isEqualTo(ApiTokens.sha256("abc"))
                .isNotEqualTo(ApiTokens.sha256("abd"));
    }
}
