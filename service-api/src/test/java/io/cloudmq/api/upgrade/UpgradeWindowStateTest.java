package io.cloudmq.api.upgrade;

import static io.cloudmq.api.upgrade.UpgradeWindowState.CANCELLED;
import static io.cloudmq.api.upgrade.UpgradeWindowState.COMPLETED;
import static io.cloudmq.api.upgrade.UpgradeWindowState.FAILED;
import static io.cloudmq.api.upgrade.UpgradeWindowState.IN_PROGRESS;
import static io.cloudmq.api.upgrade.UpgradeWindowState.PAUSED;
import static io.cloudmq.api.upgrade.UpgradeWindowState.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpgradeWindowStateTest {

    @Test
    void transitionsFollowTheLifeCycle() {
        assertThat(successors(SCHEDULED)).containsExactly(IN_PROGRESS, CANCELLED);
        assertThat(successors(IN_PROGRESS)).containsExactly(PAUSED, COMPLETED, FAILED);
        assertThat(successors(PAUSED)).containsExactly(IN_PROGRESS, FAILED);
        assertThat(successors(COMPLETED)).isEmpty();
        assertThat(successors(FAILED)).isEmpty();
        assertThat(successors(CANCELLED)).isEmpty();
    }

    @Test
    void onlyRunningAndPausedWindowsLock() {
        assertThat(Arrays.stream(UpgradeWindowState.values()).filter(UpgradeWindowState::locking))
                .containsExactly(IN_PROGRESS, PAUSED);
    }

    private static List<UpgradeWindowState> successors(UpgradeWindowState from) {
        return Arrays.stream(UpgradeWindowState.values()).filter(from::canMoveTo).toList();
    }
}
