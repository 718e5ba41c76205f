package io.cloudmq.dataplane.broker.read;

import io.cloudmq.dataplane.admin.AdminRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The read model of the broker that is serving now: attached once the broker serves, detached when it closes,
 * so admin routes registered before the broker starts can answer (503 in between). Thread-safe.
 */
public final class LiveBrokerReads {
    private volatile @Nullable BrokerReadModel current;

    public void attach(BrokerReadModel model) {
        current = model;
    }

    public void detach() {
        current = null;
    }

    /**
     * The serving broker's model.
     *
     * @throws AdminRequestException (503) while no broker serves
     */
    BrokerReadModel current() {
        BrokerReadModel model = current;
        if (model == null) {
            throw new AdminRequestException(503, "unavailable", "the broker is not serving");
        }
        return model;
    }
}
