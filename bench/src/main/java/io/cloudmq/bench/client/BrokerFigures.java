package io.cloudmq.bench.client;

import java.util.Map;

/**
 * Everything measured against one broker in one flush mode.
 *
 * @param portMillis spawn to remoting port accepting
 * @param registeredMillis spawn to listed by the name server
 * @param idleRssBytes resident memory once started, before any message
 * @param peakRssBytes highest resident memory over the whole run (VmHWM)
 * @param phases results by phase name, in run order
 */
record BrokerFigures(double portMillis, double registeredMillis, long idleRssBytes, long peakRssBytes,
        Map<String, PhaseResult> phases) {}
