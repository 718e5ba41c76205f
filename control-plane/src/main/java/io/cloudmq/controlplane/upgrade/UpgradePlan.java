package io.cloudmq.controlplane.upgrade;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed inputs of a window's step planning. Immutable.
 *
 * @param targetVersion the version every node must run
 * @param endsAt the window's end: the deadline for starting another broker group or name server
 * @param routeRefresh how long clients get to refresh their routes: between a master's fence and its drain,
 *     and between one unit (broker group or name server) and the next
 * @param gateTimeout how long a restarted node may take to serve the target and catch up
 */
record UpgradePlan(String targetVersion, Instant endsAt, Duration routeRefresh, Duration gateTimeout) {}
