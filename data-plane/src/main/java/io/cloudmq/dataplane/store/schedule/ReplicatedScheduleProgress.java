package io.cloudmq.dataplane.store.schedule;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.util.Map;

/**
 * A slave's copy of its master's delayed-message progress, kept in the same progress file (format in
 * {@link ScheduleProgress}) that a {@link ScheduleService} resumes from when this broker is promoted: the
 * new master then continues where the old one had delivered at the last copy, instead of rescanning every
 * parked message. Between the last copy and the promotion the old master may have delivered more; those
 * are recognised as delivered by the service's restart check (their copies replicated too), not stored again.
 *
 * <p>Thread-safe: {@link #adopt} and {@link #table} are serialised on the instance. Never open it on the
 * progress file of a running {@link ScheduleService}.
 */
public final class ReplicatedScheduleProgress {
    private final ScheduleProgress progress;
    private final int levels;

    private ReplicatedScheduleProgress(ScheduleProgress progress, int levels) {
        this.progress = progress;
        this.levels = levels;
    }

    /** The copy in {@code progressFile} (all levels at 0 if it is absent). */
    public static ReplicatedScheduleProgress open(StateFile progressFile, DelayLevels levels) throws IOException {
        return new ReplicatedScheduleProgress(ScheduleProgress.load(progressFile, levels.count()), levels.count());
    }

    /**
     * Takes the master's progress (by 1-based level; levels it does not name, or names beyond this broker's
     * levels, are left as they are) and persists it if anything changed.
     *
     * @throws IOException if the progress file cannot be written
     */
    public synchronized void adopt(Map<Integer, Long> masterProgress) throws IOException {
        boolean changed = false;
        for (Map.Entry<Integer, Long> level : masterProgress.entrySet()) {
            int number = level.getKey();
            if (number >= 1 && number <= levels && progress.next(number) != level.getValue()) {
                progress.advance(number, level.getValue());
                changed = true;
            }
        }
        if (changed) {
            progress.persist();
        }
    }

    /** The copy, by 1-based level. */
    public synchronized Map<Integer, Long> table() {
        return progress.table();
    }
}
