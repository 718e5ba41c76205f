package io.cloudmq.dataplane.store.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        StateFile file = new StateFile(dir.resolve("offsets.json"));
        file.write(new byte[] {1});

        file.write(new byte[] {2, 3});

        assertThat(file.read()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 3));
        assertThat(Files.exists(dir.resolve("offsets.json.tmp"))).isFalse();
    }

    @Test
    void aStaleTemporaryFileFromACrashDoesNotReplaceTheContent() throws IOException {
        StateFile file = new StateFile(dir.resolve("offsets.json"));
        file.write(new byte[] {1});
        Files.write(dir.resolve("offsets.json.tmp"), new byte[] {7, 7});

        assertThat(file.read()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1));
        file.write(new byte[] {4});
        assertThat(file.read()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(4));
    }

    @Test
    void readOfANeverWrittenFileIsEmpty() throws IOException {
        assertThat(new StateFile(dir.resolve("none")).read()).isEmpty();
    }
}
