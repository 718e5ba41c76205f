package io.cloudmq.dataplane.replication;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * SYNC_MASTER acknowledgement: a put's future completes when any slave confirmed an offset at or past
 * the record's end ({@link ReplicaAckStatus#REPLICATED}), or after the ack timeout
 * ({@link ReplicaAckStatus#FLUSH_SLAVE_TIMEOUT}). When no slave is in sync at the time of the put the
 * future is already complete with {@link ReplicaAckStatus#SLAVE_NOT_AVAILABLE}: waiting could only end
 * in a timeout — unless a slave is expected back (a master restarted under its fence, whose slave is
 * reconnecting): then the put waits as any other, and if no slave confirmed it in time it is answered
 * {@link ReplicaAckStatus#SLAVE_NOT_AVAILABLE}. A send with a stale route that reaches a just restarted master
 * is so acknowledged once its slave is back, instead of refused.
 *
 * <p>Deadlines come from the injected clock; {@link #expireOverdue()} completes the overdue waits
 * (the master calls it every few milliseconds). Waits are kept in arrival order, which is deadline
 * order.
 *
 * <p>Threading: thread-safe. Futures are completed outside the internal lock, on the confirming
 * thread, the expiring thread or the caller of {@link #await}.
 */
public final class ReplicaAckWaiter {
    private record Wait(long endOffset, long deadlineMillis, CompletableFuture<ReplicaAckStatus> future,
            ReplicaAckStatus overdue) {}

    private final ReplicaSet replicas;
    private final Duration timeout;
    private final Clock clock;
    private final ArrayDeque<Wait> waits = new ArrayDeque<>();
    private long confirmedOffset = -1;
    private boolean closed;

    /**
     * @param replicas the connected slaves (this waiter listens to their confirmations)
     * @param timeout how long a put waits
     */
    public ReplicaAckWaiter(ReplicaSet replicas, Duration timeout, Clock clock) {
        this.replicas = replicas;
        this.timeout = timeout;
        this.clock = clock;
        replicas.addConfirmListener(this::onConfirmed);
    }

    /**
     * Waits until a slave confirms {@code endOffset} (the put's {@code PutResult.endOffset()}).
     *
     * @param slaveExpected whether to wait even though no slave is in sync now, because one is expected back
     */
    public CompletableFuture<ReplicaAckStatus> await(long endOffset, boolean slaveExpected) {
        synchronized (waits) {
            if (confirmedOffset >= endOffset) {
                return CompletableFuture.completedFuture(ReplicaAckStatus.REPLICATED);
            }
        }
        boolean inSync = replicas.anyInSync();
        if (!inSync && !slaveExpected) {
            return CompletableFuture.completedFuture(ReplicaAckStatus.SLAVE_NOT_AVAILABLE);
        }
        CompletableFuture<ReplicaAckStatus> future = new CompletableFuture<>();
        synchronized (waits) {
            if (closed) {
                return CompletableFuture.completedFuture(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT);
            }
            if (confirmedOffset >= endOffset) {
                return CompletableFuture.completedFuture(ReplicaAckStatus.REPLICATED);
            }
            waits.addLast(new Wait(endOffset, clock.millis() + timeout.toMillis(), future,
                    inSync ? ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT : ReplicaAckStatus.SLAVE_NOT_AVAILABLE));
        }
        return future;
    }

    /**
     * Completes every wait whose deadline has passed: FLUSH_SLAVE_TIMEOUT, or SLAVE_NOT_AVAILABLE for a wait for
     * an expected slave.
     */
    public void expireOverdue() {
        long now = clock.millis();
        List<Wait> overdue = new ArrayList<>();
        synchronized (waits) {
            while (!waits.isEmpty() && waits.peekFirst().deadlineMillis() <= now) {
                overdue.add(waits.pollFirst());
            }
        }
        overdue.forEach(wait -> wait.future().complete(wait.overdue()));
    }

    /** The highest offset a slave confirmed, -1 before the first confirmation. */
    public long confirmedOffset() {
        synchronized (waits) {
            return confirmedOffset;
        }
    }

    /** Number of puts waiting. */
    public int pendingCount() {
        synchronized (waits) {
            return waits.size();
        }
    }

    /** Completes every wait with FLUSH_SLAVE_TIMEOUT and answers later waits so at once (master shutdown). */
    void close() {
        List<Wait> pending;
        synchronized (waits) {
            closed = true;
            pending = List.copyOf(waits);
            waits.clear();
        }
        pending.forEach(wait -> wait.future().complete(ReplicaAckStatus.FLUSH_SLAVE_TIMEOUT));
    }

    private void onConfirmed(long offset) {
        List<Wait> confirmed = new ArrayList<>();
        synchronized (waits) {
            confirmedOffset = Math.max(confirmedOffset, offset);
            for (Iterator<Wait> it = waits.iterator(); it.hasNext(); ) {
                Wait wait = it.next();
                if (wait.endOffset() <= confirmedOffset) {
                    confirmed.add(wait);
                    it.remove();
                }
            }
        }
        confirmed.forEach(wait -> wait.future().complete(ReplicaAckStatus.REPLICATED));
    }
}
