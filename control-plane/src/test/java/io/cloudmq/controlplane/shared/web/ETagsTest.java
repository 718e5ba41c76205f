package io.cloudmq.controlplane.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.controlplane.shared.error.DomainException;
import org.junit.jupiter.api.Test;

class ETagsTest {
    @Test
    void tagRoundTripsThroughIfMatch() {
        assertThat(ETags.expectedVersion(ETags.of(42))).isEqualTo(42L);
        assertThat(ETags.expectedVersion("W/\"7\"")).isEqualTo(7L);
    }

    @Test
    void absentOrWildcardIfMatchMeansNoCondition() {
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
    }

    @Test
    void foreignTagIsAPreconditionFailure() {
        assertThatThrownBy(() -> ETags.expectedVersion("\"v1\"")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> ETags.expectedVersion("7")).isInstanceOf(DomainException.class);
    }
}
