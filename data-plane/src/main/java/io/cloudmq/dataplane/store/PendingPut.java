package io.cloudmq.dataplane.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A put that has been appended (or refused) and whose durability may still be pending: under SYNC_FLUSH
 * {@link #durability} completes with {@link PutStatus#PUT_OK} once an fsync covers the records, or with
 * {@link PutStatus#FLUSH_DISK_TIMEOUT} after the sync-flush timeout, a failed fsync or a closing store;
 * in every other case it is already complete with the appended result's status.
 *
 * <p>Threading: immutable; {@link #durability} completes on the store's flushing thread (or the JDK's
 * delayer thread on a timeout), which runs its dependent stages — keep them short.
 *
 * @param appended where the records landed, with status PUT_OK if appended, else the refusal
 * @param durability the final status of the put
 */
public record PendingPut(PutResult appended, CompletableFuture<PutStatus> durability) {

    /** A put whose outcome is final now. */
    static PendingPut settled(PutResult result) {
        return new PendingPut(result, CompletableFuture.completedFuture(result.status()));
    }

    /**
     * Blocks until durability is settled, for callers that want a synchronous put. Waits at most
     * {@code timeout} (the sync-flush timeout, after which the durability is settled anyway) and answers
     * {@link PutStatus#FLUSH_DISK_TIMEOUT} if it passes or the thread is interrupted.
     */
    public PutResult await(Duration timeout) {
        PutStatus status;
        try {
            status = durability.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = PutStatus.FLUSH_DISK_TIMEOUT;
        } catch (TimeoutException e) {
            status = PutStatus.FLUSH_DISK_TIMEOUT;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a put's durability never completes exceptionally", e);
        }
        return appended.withStatus(status);
    }
}
