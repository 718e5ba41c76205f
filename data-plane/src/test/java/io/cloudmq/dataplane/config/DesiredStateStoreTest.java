package io.cloudmq.dataplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DesiredStateStoreTest {
    private final JsonMapper json = NodeJson.mapper();

    @TempDir
    Path dir;

    private static DesiredState state(long generation, String topic) {
        return new DesiredState(generation,
                List.of(new DesiredTopic("MQ_INST_000000000001_abcdefgh%" + topic, 8, 6, "NORMAL", 4 * 1024 * 1024)),
                List.of(new DesiredGroup("MQ_INST_000000000001_abcdefgh%g", 16, false, false)));
    }

    @Test
    void servesEmptyGenerationZeroBeforeAnythingIsStored() throws IOException {
        DesiredStateStore store = DesiredStateStore.open(dir, json);

        assertThat(store.current()).isEqualTo(new DesiredState(0, List.of(), List.of()));
        assertThat(dir.resolve(DesiredStateStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void persistsNewerGenerationAndReloadsIt() throws IOException {
        DesiredStateStore store = DesiredStateStore.open(dir, json);

        assertThat(store.apply(state(5, "orders"))).isEqualTo(5);

        assertThat(dir.resolve(DesiredStateStore.TEMP_FILE_NAME)).doesNotExist();
        assertThat(DesiredStateStore.open(dir, json).current()).isEqualTo(state(5, "orders"));
    }

    @Test
    void ignoresOlderAndEqualGenerations() throws IOException {
        DesiredStateStore store = DesiredStateStore.open(dir, json);
        store.apply(state(5, "orders"));

        assertThat(store.apply(state(4, "older"))).isEqualTo(5);
        assertThat(store.apply(state(5, "same-generation"))).isEqualTo(5);

        assertThat(store.current()).isEqualTo(state(5, "orders"));
        assertThat(DesiredStateStore.open(dir, json).current()).isEqualTo(state(5, "orders"));
    }

    @Test
    void replacesTheStoredFileWithEachNewerGeneration() throws IOException {
        DesiredStateStore store = DesiredStateStore.open(dir, json);
        store.apply(state(1, "first"));
        store.apply(state(2, "second"));

        assertThat(DesiredStateStore.open(dir, json).current()).isEqualTo(state(2, "second"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(DesiredStateStore.FILE_NAME);
        }
    }

    @Test
    void ignoresTempFileLeftByACrashDuringWrite() throws IOException {
        DesiredStateStore.open(dir, json).apply(state(3, "kept"));
        Files.writeString(dir.resolve(DesiredStateStore.TEMP_FILE_NAME), "{\"formatVersion\":1,\"state\":{\"gener");

        DesiredStateStore reopened = DesiredStateStore.open(dir, json);

        assertThat(reopened.current()).isEqualTo(state(3, "kept"));
        assertThat(reopened.apply(state(4, "next"))).isEqualTo(4);
        assertThat(DesiredStateStore.open(dir, json).current()).isEqualTo(state(4, "next"));
    }

    @Test
    void tellsSubscribersTheCurrentStateAndEveryNewerOne() throws IOException {
        DesiredStateStore store = DesiredStateStore.open(dir, json);
        store.apply(state(1, "first"));
        List<Long> seen = new ArrayList<>();

        store.subscribe(state -> seen.add(state.generation()));
        store.apply(state(2, "second"));
        store.apply(state(1, "stale"));

        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void refusesACorruptFile() throws IOException {
        Files.writeString(dir.resolve(DesiredStateStore.FILE_NAME), "{not json");

        assertThatThrownBy(() -> DesiredStateStore.open(dir, json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is not a valid desired state");
    }

    @Test
    void refusesAnotherFormatVersion() throws IOException {
        Files.writeString(dir.resolve(DesiredStateStore.FILE_NAME),
                "{\"formatVersion\":3,\"state\":{\"generation\":1,\"topics\":[],\"groups\":[],\"credentials\":[],\"operator\":null}}");

        assertThatThrownBy(() -> DesiredStateStore.open(dir, json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has format version 3");
    }
}
