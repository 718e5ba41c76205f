package io.cloudmq.dataplane.store.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpochHistoryTest {
    @TempDir
    Path root;

    @Test
    void entriesSurviveAReopen() throws IOException {
        try (EpochHistory history = EpochHistory.open(root)) {
            history.append(1, 0);
            history.append(2, 4096);
        }

        try (EpochHistory reopened = EpochHistory.open(root)) {
            assertThat(reopened.entries()).containsExactly(new EpochEntry(1, 0), new EpochEntry(2, 4096));
            assertThat(reopened.last()).contains(new EpochEntry(2, 4096));
        }
    }

    @Test
    void aTornLastEntryIsDroppedAndAppendsContinueAfterIt() throws IOException {
        try (EpochHistory history = EpochHistory.open(root)) {
            history.append(1, 0);
        }
        Files.write(root.resolve(EpochHistory.FILE_NAME), new byte[] {0, 0, 0, 0, 0, 0, 0, 2, 0, 0},
                StandardOpenOption.APPEND);

        try (EpochHistory reopened = EpochHistory.open(root)) {
            assertThat(reopened.entries()).containsExactly(new EpochEntry(1, 0));
            reopened.append(2, 10);
        }
        try (EpochHistory again = EpochHistory.open(root)) {
            assertThat(again.entries()).containsExactly(new EpochEntry(1, 0), new EpochEntry(2, 10));
        }
        assertThat(Files.size(root.resolve(EpochHistory.FILE_NAME))).isEqualTo(2L * EpochHistory.ENTRY_SIZE);
    }

    @Test
    void anEpochThatDoesNotIncreaseIsRefused() throws IOException {
        try (EpochHistory history = EpochHistory.open(root)) {
            history.append(3, 100);

            assertThatThrownBy(() -> history.append(3, 200)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> history.append(4, 50)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void truncateFromDropsTermsStartingAtOrAfterTheCutAndSurvivesAReopen() throws IOException {
        try (EpochHistory history = EpochHistory.open(root)) {
            history.append(1, 0);
            history.append(2, 800);
            history.append(3, 900);

            history.truncateFrom(800);
            history.append(4, 850);
        }

        try (EpochHistory reopened = EpochHistory.open(root)) {
            assertThat(reopened.entries()).containsExactly(new EpochEntry(1, 0), new EpochEntry(4, 850));
        }
    }
}
