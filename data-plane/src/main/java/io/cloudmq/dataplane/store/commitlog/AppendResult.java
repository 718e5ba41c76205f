package io.cloudmq.dataplane.store.commitlog;

import java.util.List;

/**
 * Result of a commit-log append.
 *
 * @param status outcome
 * @param records one entry per message, in order; empty unless {@link AppendStatus#APPENDED}
 * @param storeTimestamp store time written into every record
 */
public record AppendResult(AppendStatus status, List<AppendedRecord> records, long storeTimestamp) {
    static AppendResult tooLarge() {
        return new AppendResult(AppendStatus.TOO_LARGE_FOR_FILE, List.of(), 0);
    }
}
