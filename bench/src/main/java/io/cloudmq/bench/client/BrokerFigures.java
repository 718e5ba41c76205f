package io.cloudmq.bench.client;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything measured against one broker in one flush mode.
 *
 * @param firstStart the broker's first start, on an empty store
 * @param restart its graceful restart after the phases, on the store they filled (only in a run of every phase)
 * @param idleRssBytes resident memory once started, before any message
 * @param peakRssBytes highest resident memory over the whole run (VmHWM)
 * @param phases results by phase name, in run order
 */
record BrokerFigures(StartTimes firstStart, @Nullable StartTimes restart, long idleRssBytes, long peakRssBytes,
        Map<String, PhaseResult> phases) {}
