package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.upgrade.ObservedProducerGroup;
import io.cloudmq.api.upgrade.ProducerGroupFailuresView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failed sends of the producer groups registered with a window, tallied per broker from the brokers'
 * counters ({@link FailedSendCounters}) and summed for the report. Only sends a broker answered with a
 * non-success code are counted: failures no broker answered (client timeouts, refused connections) are
 * visible only through the canary. Thread-safe (stateless; each call is one transaction).
 */
@Service
class ProducerGroupFailureService {
    private final FailureTallyRepository tallies;

    ProducerGroupFailureService(FailureTallyRepository tallies) {
        this.tallies = tallies;
    }

    /** Advances the tallies of {@code broker} with the counters just read from it. */
    @Transactional
    void record(UUID windowId, NodeView broker, List<ObservedProducerGroup> observed,
            Map<ObservedProducerGroup, Long> counters) {
        for (ObservedProducerGroup group : observed) {
            long counter = counters.getOrDefault(group, 0L);
            FailureTallyKey key = new FailureTallyKey(windowId, broker.nodeId(), group.instanceId(),
                    group.producerGroup());
            tallies.findById(key).ifPresentOrElse(
                    tally -> tally.advance(counter, broker.startedAt()),
                    () -> tallies.save(new FailureTally(key, counter, broker.startedAt())));
        }
    }

    /** One entry per registered group, in the registered order, summed over the brokers. */
    @Transactional(readOnly = true)
    List<ProducerGroupFailuresView> counted(UUID windowId, List<ObservedProducerGroup> observed) {
        Map<ObservedProducerGroup, Long> sums = new HashMap<>();
        tallies.findByKeyWindowId(windowId).forEach(tally -> sums.merge(
                new ObservedProducerGroup(tally.key().instanceId(), tally.key().producerGroup()),
                tally.failedSends(), Long::sum));
        return observed.stream()
                .map(group -> new ProducerGroupFailuresView(group.instanceId(), group.producerGroup(),
                        sums.getOrDefault(group, 0L)))
                .toList();
    }
}
