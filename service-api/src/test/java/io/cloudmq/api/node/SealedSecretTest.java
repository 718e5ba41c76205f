package io.cloudmq.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SealedSecretTest {
    private static final String TOKEN = "node-token-1";

    @Test
    void opensWhatItSealedWithoutShowingTheSecret() {
        String sealed = SealedSecret.seal(TOKEN, "AK1", "very-secret");

        assertThat(sealed).startsWith("v1.").doesNotContain("very-secret");
        assertThat(SealedSecret.open(TOKEN, "AK1", sealed)).isEqualTo("very-secret");
    }

    @Test
    void sealingTwiceGivesDifferentTexts() {
        assertThat(SealedSecret.seal(TOKEN, "AK1", "s")).isNotEqualTo(SealedSecret.seal(TOKEN, "AK1", "s"));
    }

    @Test
    void refusesAnotherNodeToken() {
        String sealed = SealedSecret.seal(TOKEN, "AK1", "very-secret");

        assertThatThrownBy(() -> SealedSecret.open("other-token", "AK1", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("very-secret");
    }

    @Test
    void refusesASecretMovedToAnotherAccessKey() {
        String sealed = SealedSecret.seal(TOKEN, "AK1", "very-secret");

        assertThatThrownBy(() -> SealedSecret.open(TOKEN, "AK2", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownVersion() {
        assertThatThrownBy(() -> SealedSecret.open(TOKEN, "AK1", "v0.abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
