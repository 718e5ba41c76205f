package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves windows by time: starts {@code SCHEDULED} windows whose start has come and cancels windows that were
 * never started before their end (the control plane was down). A started window is the
 * {@link UpgradeOrchestrator}'s: it completes it, or pauses it. Runs only on the replica holding the
 * {@value #SINGLETON} lock. Called from the scheduler thread only; each window changes in its own transaction.
 */
@Component
class UpgradeWindowScheduler {
    static final String SINGLETON = "upgrade-window-scheduler";
    private static final Logger log = LoggerFactory.getLogger(UpgradeWindowScheduler.class);

    private final UpgradeWindowService windows;
    private final SingletonGuard guard;
    private final Clock clock;

    UpgradeWindowScheduler(UpgradeWindowService windows, SingletonGuard guard, Clock clock) {
        this.windows = windows;
        this.guard = guard;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${cloudmq.upgrade.scheduler-interval:5s}")
    void tick() {
        guard.runIfLeader(SINGLETON, () -> advance(clock.instant()));
    }

    /** One pass at {@code now}. */
    void advance(Instant now) {
        for (UpgradeWindowView window : windows.dueToStart(now)) {
            boolean missed = !window.endsAt().isAfter(now);
            apply(window, missed ? "cancel (missed)" : "start", w -> {
                if (missed) {
                    windows.cancel(w.cluster(), w.id(), now);
                } else {
                    windows.start(w.cluster(), w.id(), now);
                }
            });
        }
    }

    private static void apply(UpgradeWindowView window, String action, Consumer<UpgradeWindowView> change) {
        try {
            change.accept(window);
            log.info("Upgrade window {} of cluster {}: {}", window.id(), window.cluster(), action);
        } catch (RuntimeException e) {
            log.warn("Upgrade window {} of cluster {}: {} failed: {}",
                    window.id(), window.cluster(), action, e.toString());
        }
    }
}
