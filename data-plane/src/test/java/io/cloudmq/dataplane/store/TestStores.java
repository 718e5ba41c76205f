package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.TestMessages;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Store settings for tests: 64 KiB commit-log files, small queue and index files, no retention runs unless a test asks for them. */
public final class TestStores {
    private TestStores() {}

    public static StoreConfig config(Path root, Clock clock) {
        return StoreConfig.defaults(root, "test-cluster", "broker-a", TestMessages.STORE_HOST)
                .withFileSizes(64 * 1024, 1000, 1024, 4096)
                .withRetention(Duration.ofHours(72), 4, Duration.ofHours(1))
                .withClock(clock);
    }

    public static StoreConfig config(Path root) {
        return config(root, Clock.systemUTC());
    }

    /** Every commit-log byte a store holds, from its min offset to its max offset at the time of the call. */
    public static byte[] wholeCommitLog(ReplicatedLog store) {
        long offset = store.commitLogMinOffset();
        long end = store.commitLogMaxOffset();
        ByteBuffer all = ByteBuffer.allocate((int) (end - offset));
        while (offset < end) {
            byte[] chunk = store.readReplicationChunk(offset, Integer.MAX_VALUE);
            int length = (int) Math.min(chunk.length, end - offset);
            all.put(chunk, 0, length);
            offset += length;
        }
        return all.array();
    }
}
