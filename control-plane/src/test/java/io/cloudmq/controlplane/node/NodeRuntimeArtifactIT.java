package io.cloudmq.controlplane.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled node runtime (packaged into the control-plane jar, hence an IT): extracted under its version, it is
 * left untouched by a later extraction of the same bytes (a snapshot build's every start) — its modification time
 * stays, so its class-data archive stays valid.
 */
class NodeRuntimeArtifactIT {
    @TempDir
    Path dataDir;

    @Test
    void extractingTheSameRuntimeAgainLeavesItsFileUntouched() throws Exception {
        NodeRuntimeArtifact first = NodeRuntimeArtifact.extractBundled(dataDir);
        FileTime extractedAt = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first.jar(), extractedAt);

        NodeRuntimeArtifact again = NodeRuntimeArtifact.extractBundled(dataDir);

        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again.jar())).as("the same bytes are not copied again")
                .isEqualTo(extractedAt);
        try (var files = Files.list(first.jar().getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(first.jar());
        }
    }
}
