package io.cloudmq.dataplane.store.commitlog;

import java.util.List;

/**
 * Result of appending replicated bytes verbatim.
 *
 * @param status outcome
 * @param records the appended records in order; empty unless {@link Status#APPENDED}
 */
public record VerbatimAppend(Status status, List<RecordHeader> records) {
    /** Outcomes of a verbatim append. */
    public enum Status {
        /** Appended. */
        APPENDED,
        /** The chunk does not start at the end of the log. */
        OFFSET_MISMATCH,
        /** The chunk is not a run of valid records at their positions (or crosses a file end). */
        INVALID_DATA
    }

    static VerbatimAppend rejected(Status status) {
        return new VerbatimAppend(status, List.of());
    }
}
