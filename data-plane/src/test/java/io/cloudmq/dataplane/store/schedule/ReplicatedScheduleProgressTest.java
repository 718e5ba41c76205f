package io.cloudmq.dataplane.store.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.file.StateFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedScheduleProgressTest {
    @TempDir
    Path dir;

    @Test
    void anAdoptedProgressIsWhereAScheduleServiceOnTheSameFileResumes() throws Exception {
        StateFile file = new StateFile(dir.resolve("schedule-progress.bin"));
        ReplicatedScheduleProgress copy = ReplicatedScheduleProgress.open(file, DelayLevels.DEFAULT);

        copy.adopt(Map.of(1, 5L, 3, 9L, 99, 7L, 0, 4L));

        assertThat(copy.table()).containsEntry(1, 5L).containsEntry(2, 0L).containsEntry(3, 9L)
                .hasSize(DelayLevels.DEFAULT.count());
        try (DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")))) {
            ScheduleService resumed = ScheduleService.open(store, DelayLevels.DEFAULT, Clock.systemUTC(), file);
            assertThat(resumed.progressTable()).isEqualTo(copy.table());
        }
        assertThat(ReplicatedScheduleProgress.open(file, DelayLevels.DEFAULT).table()).isEqualTo(copy.table());
    }
}
