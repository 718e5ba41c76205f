package io.cloudmq.controlplane.upgrade;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the orchestrator records of a node when the window stops it, for the report. Immutable.
 *
 * @param brokerName its broker group, {@code null} for a name server
 * @param version the version it ran
 * @param lastServed the last request it served before it stopped
 * @param fencedMillis how long its writes were fenced (0 for a node that takes no writes)
 */
record NodeStop(@Nullable String brokerName, @Nullable String version, Instant lastServed, long fencedMillis) {}
