package io.cloudmq.dataplane.store.queue;

/**
 * Told when a new consume-queue entry is visible; pull long polling re-evaluates held requests here.
 *
 * <p>Threading: called on the store's writer thread while it holds the put lock, so an implementation
 * must only signal (complete a future, enqueue a task) and never block or call back into the store's
 * put methods.
 */
@FunctionalInterface
public interface ArrivalListener {
    /**
     * @param topic topic of the new entry
     * @param queueId queue of the new entry
     * @param maxOffset the queue's new max offset (entry's queue offset + 1)
     * @param tagsCode tag hash of the new entry
     */
    void onArrival(String topic, int queueId, long maxOffset, long tagsCode);
}
