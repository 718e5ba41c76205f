package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeServingView;

/**
 * A broker's drain as the admin API drives it ({@code POST /admin/v1/fence}, {@code /unfence},
 * {@code /drain}) and shows it in health. Implementations are thread-safe; actions run one at a time.
 */
public interface DrainControl {

    /**
     * Removes write permission on every name server; answers once all confirmed.
     *
     * @throws IllegalStateException if the broker does not serve or a drain has gone past the fence
     */
    NodeDrainResult fence() throws InterruptedException;

    /**
     * Registers writable again.
     *
     * @throws IllegalStateException if the broker does not serve or a drain has gone past the fence
     */
    NodeDrainResult unfence() throws InterruptedException;

    /**
     * Closes sends, freezes, flushes, waits for the slave and the consumers, and leaves; the process exits
     * after the answer. A step at risk that misses its deadline re-opens writes instead.
     *
     * @throws IllegalStateException if the broker does not serve
     */
    NodeDrainResult drain() throws InterruptedException;

    /** The serving state for {@code GET /admin/v1/health}. */
    NodeServingView serving();
}
