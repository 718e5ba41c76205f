package io.cloudmq.controlplane.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientVersionsTest {

    @Test
    void namesReleasesAndSnapshotsFromFourOnOrdinalsOfTheOfficialEnumeration() {
        assertThat(ClientVersions.name(513)).isEqualTo("V5_5_0");
        assertThat(ClientVersions.name(512)).isEqualTo("V5_5_0_SNAPSHOT");
        assertThat(ClientVersions.name(475)).isEqualTo("V5_3_1");
        assertThat(ClientVersions.name(401)).isEqualTo("V4_9_4");
        assertThat(ClientVersions.name(213)).isEqualTo("V4_0_0");
        assertThat(ClientVersions.name(612)).isEqualTo("HIGHER_VERSION");
    }

    @Test
    void leavesVersionsBeforeFourUnnamed() {
        assertThat(ClientVersions.name(121)).isNull();
    }
}
