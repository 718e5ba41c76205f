package io.cloudmq.api.node;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A node's serving state in {@code GET /admin/v1/health}: where a broker is in a drain, how long it has been
 * write-fenced, how many sends it turned away, its own request log's first and last served request, and since
 * when it accepts requests (an upgrade report's "unavailable time" runs from the last request served before a
 * stop, or the stop itself if the node was idle, to the first request served after the restart, or the moment it
 * accepted requests again if none came).
 *
 * @param drainPhase {@code SERVING}, {@code FENCED}, {@code CLOSING_SENDS}, {@code FROZEN},
 *     {@code QUIESCING}, {@code LEAVING} or {@code LEFT}; always {@code SERVING} on a name server, which never
 *     drains and is never fenced
 * @param fenced whether the broker is registered without write permission now
 * @param fencedMillis total time this process has been write-fenced, including a fence still in force
 * @param goAwayAnswers requests answered with {@code GO_AWAY} (1500) instead of being processed
 * @param firstRequestServedAt the first request this process admitted for processing, null before any
 * @param lastRequestServedAt the latest request this process admitted for processing, null before any
 * @param acceptingSince when this process first listened for clients (a broker: and registered with the name
 *     servers), null before
 */
public record NodeServingView(
        String drainPhase,
        boolean fenced,
        long fencedMillis,
        long goAwayAnswers,
        @Nullable Instant firstRequestServedAt,
        @Nullable Instant lastRequestServedAt,
        @Nullable Instant acceptingSince) {}
