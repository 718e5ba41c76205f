package io.cloudmq.dataplane.remoting.netty;

/** What happens to a request whose executor has no room left. */
public enum OverloadPolicy {
    /** Answer {@code SYSTEM_BUSY} at once; for codes whose clients retry or tolerate it. */
    REJECT_BUSY,
    /**
     * Stop reading the connection and retry the hand-off until the executor accepts it. For sends: async
     * senders cannot retry a {@code SYSTEM_BUSY}, so they get slowed down instead (spec §6.2).
     */
    BACKPRESSURE
}
