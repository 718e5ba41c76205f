package io.cloudmq.dataplane.broker.drain;

import io.cloudmq.dataplane.remoting.netty.ServedRequests;
import io.cloudmq.api.node.NodeServingView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * The drain state a broker process keeps across the start and stop of its broker role: the phase, the
 * served-request log, the GO_AWAY counter (meter {@value #GO_AWAY_METER}, scraped as
 * {@code cloudmq_broker_goaway_total}), the write tracker and the admission built on them. Immutable
 * holder; each part is thread-safe.
 *
 * @param state the drain phase and fenced time
 * @param served first and last request admitted
 * @param goAways requests answered with GO_AWAY
 * @param writes writes being stored
 * @param admission the remoting server's GO_AWAY gate
 */
public record DrainParts(
        DrainState state, ServedRequests served, Counter goAways, WriteTracker writes, SendAdmission admission) {
    static final String GO_AWAY_METER = "cloudmq.broker.goaway";

    public static DrainParts create(MeterRegistry registry, Clock clock) {
        DrainState state = new DrainState(clock);
        ServedRequests served = new ServedRequests(clock);
        Counter goAways = Counter.builder(GO_AWAY_METER)
                .description("requests answered with GO_AWAY (1500) instead of being processed")
                .register(registry);
        return new DrainParts(state, served, goAways, new WriteTracker(state, clock),
                new SendAdmission(state, served, goAways));
    }

    /** What health shows. */
    public NodeServingView view() {
        DrainPhase phase = state.phase();
        return new NodeServingView(phase.name(), phase.fenced(), state.fencedMillis(), (long) goAways.count(),
                served.first(), served.last(), served.acceptingSince());
    }
}
