package io.cloudmq.dataplane.broker.client;

import io.cloudmq.dataplane.remoting.protocol.body.MessageQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Orderly-consumption queue locks per consumer group (spec §4.12): a queue is granted to a client when it
 * is free, already the client's, or its lock is older than the expiry; every grant refreshes it. Unlock
 * releases only the caller's own locks. Thread-safe ({@code synchronized}).
 */
public final class QueueLockTable {
    /** RocketMQ's lock expiry. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(60);

    private record Lock(String clientId, long lastRefreshMillis) {}

    private final Clock clock;
    private final Duration expiry;
    private final Map<String, Map<MessageQueue, Lock>> locks = new HashMap<>();

    public QueueLockTable(Clock clock, Duration expiry) {
        this.clock = clock;
        this.expiry = expiry;
    }

    /** Locks what it can of {@code queues} for {@code clientId}; returns the queues the client now holds. */
    public synchronized Set<MessageQueue> lock(String group, String clientId, Set<MessageQueue> queues) {
        Map<MessageQueue, Lock> groupLocks = locks.computeIfAbsent(group, ignored -> new HashMap<>());
        long now = clock.millis();
        Set<MessageQueue> granted = new LinkedHashSet<>();
        for (MessageQueue queue : queues) {
            Lock current = groupLocks.get(queue);
            if (current == null || current.clientId().equals(clientId)
                    || now - current.lastRefreshMillis() > expiry.toMillis()) {
                groupLocks.put(queue, new Lock(clientId, now));
                granted.add(queue);
            }
        }
        return granted;
    }

    /** Releases those of {@code queues} that {@code clientId} holds. */
    public synchronized void unlock(String group, String clientId, Set<MessageQueue> queues) {
        Map<MessageQueue, Lock> groupLocks = locks.get(group);
        if (groupLocks == null) {
            return;
        }
        for (MessageQueue queue : queues) {
            Lock current = groupLocks.get(queue);
            if (current != null && current.clientId().equals(clientId)) {
                groupLocks.remove(queue);
            }
        }
        if (groupLocks.isEmpty()) {
            locks.remove(group);
        }
    }
}
