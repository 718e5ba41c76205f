package io.cloudmq.bench.upgrade;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.client.ManagementClientException;
import io.cloudmq.api.upgrade.NodeUpgradeProgressView;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One upgrade window run to its end: scheduled, started at once, and followed by polling its progress every
 * {@value #POLL_MILLIS} ms, which records when each node entered each phase (a phase shorter than a poll may be
 * missed; the next phase's start is exact, as the control plane stamps it). Immutable.
 *
 * @param windowId the window
 * @param state the state it left {@code IN_PROGRESS} with
 * @param pauseReason why it paused, {@code null} otherwise
 * @param phases every (node, phase) seen, in the order first seen
 */
record WindowRun(UUID windowId, UpgradeWindowState state, String pauseReason, List<NodePhase> phases) {
    private static final long POLL_MILLIS = 500;
    private static final Duration WINDOW_LENGTH = Duration.ofMinutes(30);

    /**
     * A node entered {@code phase} at {@code at}; {@code phase} {@code STARTED} is when the window first
     * touched it, the others are {@link io.cloudmq.api.upgrade.UpgradeNodePhase} names (the step it completed).
     */
    record NodePhase(String node, String phase, Instant at) {}

    /** A stretch of the window named by the node phase it was in ({@code node PHASE}). */
    record Stretch(String label, Instant from, Instant until) {}

    WindowRun {
        phases = List.copyOf(phases);
    }

    /**
     * Every node phase but {@code DONE} as a stretch from its start to the node's next phase (or {@code end}), in
     * the order they started; a node's {@code STARTED} is left out when another phase began at the same instant.
     */
    List<Stretch> stretches(Instant end) {
        List<NodePhase> byTime = phases.stream().sorted(Comparator.comparing(NodePhase::at)).toList();
        List<Stretch> stretches = new ArrayList<>();
        for (NodePhase phase : byTime) {
            List<NodePhase> later = byTime.stream()
                    .filter(other -> other.node().equals(phase.node()) && !other.at().isBefore(phase.at())
                            && !other.equals(phase))
                    .toList();
            boolean superseded = phase.phase().equals("STARTED")
                    && later.stream().anyMatch(other -> other.at().equals(phase.at()));
            if (!phase.phase().equals("DONE") && !superseded) {
                Instant until = later.stream().map(NodePhase::at).filter(at -> at.isAfter(phase.at())).findFirst()
                        .orElse(end);
                stretches.add(new Stretch(phase.node() + " " + phase.phase(), phase.at(), until));
            }
        }
        return stretches;
    }

    /**
     * Schedules a window of {@code cluster} to {@code target} registering {@code observed}, starts it and
     * follows it until it leaves {@code IN_PROGRESS} or {@code deadline} passes.
     */
    static WindowRun run(ManagementClient client, String cluster, String target, List<ObservedProducerGroup> observed,
            Duration deadline) throws InterruptedException {
        UpgradeWindowView scheduled = client.scheduleUpgradeWindow(cluster, new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5), WINDOW_LENGTH, target, observed), null);
        UUID id = client.startUpgradeWindow(cluster, scheduled.id()).id();
        Set<NodePhase> seen = new LinkedHashSet<>();
        long end = System.nanoTime() + deadline.toNanos();
        UpgradeProgressView progress = null;
        while (System.nanoTime() - end < 0) {
            try {
                progress = client.getUpgradeProgress(cluster, id);
            } catch (ManagementClientException e) {
                // the control plane did not answer this poll (a busy machine): the next one may
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            record(progress, seen);
            if (progress.state() != UpgradeWindowState.IN_PROGRESS) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        if (progress == null) {
            throw new IllegalStateException("no progress of window " + id + " within " + deadline);
        }
        return new WindowRun(id, progress.state(), progress.pauseReason() == null ? "" : progress.pauseReason(),
                new ArrayList<>(seen));
    }

    private static void record(UpgradeProgressView progress, Set<NodePhase> seen) {
        for (NodeUpgradeProgressView node : progress.nodes()) {
            seen.add(new NodePhase(node.nodeId(), "STARTED", node.startedAt()));
            seen.add(new NodePhase(node.nodeId(), node.phase().name(), node.phaseStartedAt()));
        }
    }
}
