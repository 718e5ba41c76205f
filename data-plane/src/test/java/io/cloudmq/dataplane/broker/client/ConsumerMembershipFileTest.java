package io.cloudmq.dataplane.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerMembershipFileTest {
    @TempDir
    Path dir;

    private ConsumerMembershipFile file() {
        return new ConsumerMembershipFile(new StateFile(dir.resolve("consumer-members.json")), NodeJson.mapper());
    }

    @Test
    void whatIsWrittenIsReadBackAndNoFileIsUnknown() throws IOException {
        assertThat(file().read()).isEmpty();

        file().write(Map.of("billing", Set.of("c1", "c2"), "audit", Set.of("c3")));

        assertThat(file().read()).hasValue(Map.of("billing", Set.of("c1", "c2"), "audit", Set.of("c3")));
        assertThat(Files.readString(dir.resolve("consumer-members.json"))).contains("\"formatVersion\":1");
    }

    @Test
    void anotherFormatOrDamagedContentIsRefusedWithTheFileNamed() throws IOException {
        Path path = dir.resolve("consumer-members.json");
        Files.writeString(path, "{\"formatVersion\":7,\"members\":{}}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> file().read()).isInstanceOf(IOException.class).hasMessageContaining("format version 7");

        Files.writeString(path, "{\"formatVer", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> file().read()).isInstanceOf(IOException.class).hasMessageContaining(path.toString());
    }
}
