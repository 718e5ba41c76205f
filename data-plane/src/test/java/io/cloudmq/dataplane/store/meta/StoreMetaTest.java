package io.cloudmq.dataplane.store.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreMetaTest {
    @TempDir
    Path root;

    @Test
    void aNewStoreGetsTheCurrentFormatAndReopens() throws IOException {
        StoreMeta created = StoreMeta.openOrCreate(root, "c1", "broker-a");

        assertThat(created).isEqualTo(new StoreMeta(1, 0, "c1", "broker-a"));
        assertThat(StoreMeta.openOrCreate(root, "c1", "broker-a")).isEqualTo(created);
    }

    @Test
    void anUnknownMajorVersionIsRefused() throws IOException {
        Files.writeString(root.resolve(StoreMeta.FILE_NAME), "formatVersion=2.0\ncluster=c1\nbrokerName=broker-a\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> StoreMeta.openOrCreate(root, "c1", "broker-a"))
                .isInstanceOf(IncompatibleStoreException.class)
                .hasMessageContaining("2.0");
    }

    @Test
    void aNewerMinorVersionOpens() throws IOException {
        Files.writeString(root.resolve(StoreMeta.FILE_NAME), "formatVersion=1.3\ncluster=c1\nbrokerName=broker-a\n",
                StandardCharsets.UTF_8);

        assertThat(StoreMeta.openOrCreate(root, "c1", "broker-a").minorVersion()).isEqualTo(3);
    }

    @Test
    void anotherBrokersDirectoryIsRefused() throws IOException {
        StoreMeta.openOrCreate(root, "c1", "broker-a");

        assertThatThrownBy(() -> StoreMeta.openOrCreate(root, "c1", "broker-b"))
                .isInstanceOf(IncompatibleStoreException.class);
    }
}
