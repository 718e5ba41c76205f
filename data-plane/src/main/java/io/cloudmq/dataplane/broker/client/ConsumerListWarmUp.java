package io.cloudmq.dataplane.broker.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Whether this broker's list of a consumer group's members can be complete yet. A client heartbeats every broker
 * of its routes once per interval (rocketmq-client: 30 s), and nothing else tells a broker who is in a group. A
 * broker that starts again on data it served before (a restarted process, or a role change) therefore knows, for
 * up to one interval, only the members that heartbeated since: a member that reads such a partial list believes
 * it is (nearly) alone and takes the other members' queues, and until the next rebalance their messages are
 * delivered twice. While a group's list may be partial, {@code GET_CONSUMER_LIST_BY_GROUP} is refused; the client
 * then keeps the queues it holds (it logs that the list could not be read and asks again at its next rebalance).
 *
 * <p>A group's list is complete once every member of the group's last known membership ({@link
 * ConsumerMembershipFile}) has heartbeated again, and for every group once the warm-up's duration has passed (a
 * last known member may have gone meanwhile). Without a last known membership every group waits for the whole
 * duration. A start on an empty store has served no consumer before and is complete at once, so a new cluster
 * serves consumers without delay.
 *
 * <p>Immutable; thread-safe.
 */
public final class ConsumerListWarmUp {
    private final Clock clock;
    private final Instant completeAt;
    private final @Nullable Map<String, Set<String>> lastKnownMembers;

    private ConsumerListWarmUp(Clock clock, Instant completeAt, @Nullable Map<String, Set<String>> lastKnownMembers) {
        this.clock = clock;
        this.completeAt = completeAt;
        this.lastKnownMembers = lastKnownMembers;
    }

    /**
     * The warm-up of a broker starting now.
     *
     * @param servedBefore whether the store holds data from an earlier start (then members must heartbeat again)
     * @param lastKnownMembers consumer group → client ids as last stored, empty if unknown
     * @param duration one client heartbeat interval plus slack for a late heartbeat
     */
    public static ConsumerListWarmUp startingNow(boolean servedBefore, Optional<Map<String, Set<String>>> lastKnownMembers,
            Duration duration, Clock clock) {
        Instant now = clock.instant();
        return new ConsumerListWarmUp(clock, servedBefore ? now.plus(duration) : now, lastKnownMembers.orElse(null));
    }

    /**
     * How long the list of {@code group} is still refused, given the members that heartbeated since the start;
     * empty once it is answered.
     */
    public Optional<Duration> remaining(String group, Collection<String> heartbeated) {
        if (lastKnownMembers != null && heartbeated.containsAll(lastKnownMembers.getOrDefault(group, Set.of()))) {
            return Optional.empty();
        }
        return remaining();
    }

    /** How long until every group's list is answered; empty once the warm-up is over. */
    public Optional<Duration> remaining() {
        Duration left = Duration.between(clock.instant(), completeAt);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
