package io.cloudmq.controlplane.node;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link NodeProvisioner#restart} did to a node: the phases it completed, in order, and the new
 * process id once launched. Immutable.
 *
 * @param phases the phases completed, in order
 * @param pid the new process id, {@code null} unless {@link Phase#LAUNCHED} was reached
 * @param detail why the restart stopped short, or how the old process ended
 */
public record NodeRestart(List<Phase> phases, @Nullable Long pid, String detail) {

    /** A step of a restart. */
    public enum Phase {
        /** The old process is gone (it left after a drain, or was asked to stop). */
        STOPPED,
        /** A process of the target runtime was started; it is not necessarily serving yet. */
        LAUNCHED
    }

    public NodeRestart {
        phases = List.copyOf(phases);
    }

    /** Whether a process of the target runtime was started. */
    public boolean launched() {
        return phases.contains(Phase.LAUNCHED);
    }
}
