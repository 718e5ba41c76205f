package io.cloudmq.dataplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminTokenTest {
    private final AdminToken token = new AdminToken("0123456789abcdef");

    @Test
    void acceptsTheBearerToken() {
        assertThat(token.accepts("Bearer 0123456789abcdef")).isTrue();
        assertThat(token.accepts("bearer 0123456789abcdef")).as("scheme is case-insensitive").isTrue();
    }

    @Test
    void rejectsAbsentWrongOrPartialTokens() {
        assertThat(token.accepts(null)).isFalse();
        assertThat(token.accepts("")).isFalse();
        assertThat(token.accepts("Bearer")).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
        assertThat(token.accepts("Bearer 0123456789abcdeF")).isFalse();
        assertThat(token.accepts("Bearer 0123456789abcde")).isFalse();
        assertThat(token.accepts("Bearer 0123456789abcdef0")).isFalse();
        assertThat(token.accepts("Basic 0123456789abcdef")).isFalse();
        assertThat(token.accepts("0123456789abcdef")).isFalse();
    }
}
