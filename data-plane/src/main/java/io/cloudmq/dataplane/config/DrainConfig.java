package io.cloudmq.dataplane.config;

import java.time.Duration;

/**
 * Deadlines of a broker's drain (ARCHITECTURE §3, steps 1 and 4–7), node keys {@code drain.*.ms}. Every
 * wait is a condition with one of these deadlines. Immutable.
 *
 * @param fenceTimeout until every name server confirmed the registration without write permission
 * @param shutdownPropagate how long a drain that had to fence by itself (SIGTERM, or drain without a prior
 *     fence) keeps serving fenced before it closes sends; an orchestrated drain waits the clients' route
 *     refresh window between fence and drain instead
 * @param sendsQuiet the close-sends step ends once no send has been stored for this long
 * @param sendsTimeout deadline of the close-sends step (older clients may keep sending; they are then
 *     frozen out by connection close)
 * @param writesTimeout until the sends admitted before the freeze have been stored and answered
 * @param replicaTimeout until every connected slave confirmed the whole commit log
 * @param consumersTimeout until the online consumer groups committed up to the max offsets
 * @param closeQuiet the close-grace step ends once no request has arrived for this long; shorter than
 *     {@code sendsQuiet}: by then the broker is fenced, frozen and gone from the routes, so only requests already
 *     under way arrive, and every millisecond of it is time the node serves nobody
 * @param closeGrace after leaving (new connections refused), open connections are served until no request
 *     arrived for {@code closeQuiet} or this deadline, so requests clients wrote before they noticed are
 *     answered (GO_AWAY) rather than cut off
 */
public record DrainConfig(
        Duration fenceTimeout,
        Duration shutdownPropagate,
        Duration sendsQuiet,
        Duration sendsTimeout,
        Duration writesTimeout,
        Duration replicaTimeout,
        Duration consumersTimeout,
        Duration closeQuiet,
        Duration closeGrace) {

    /**
     * 3 s fence, 1 s propagate on SIGTERM, 300 ms send quiet within 3 s, 3 s for admitted writes, 3 s for the
     * slave, 5 s for consumers, 100 ms request quiet within a 1 s close grace: a SIGTERM drain ends within about
     * 19 s, below the 20–30 s launchers wait before killing.
     */
    public static DrainConfig defaults() {
        return new DrainConfig(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(300),
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(5),
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }
}
