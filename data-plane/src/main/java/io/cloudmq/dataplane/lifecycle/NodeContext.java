package io.cloudmq.dataplane.lifecycle;

import io.cloudmq.dataplane.auth.CredentialRegistry;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service of a node may use: its configuration, the JSON settings, the node's meter registry
 * (scraped by {@code GET /admin/v1/metrics}) and the desired state pushed by the control plane. Immutable;
 * each component is thread-safe.
 *
 * @param config the node's start-up configuration
 * @param json the node's JSON settings
 * @param metrics where services register their meters
 * @param desiredState topics and groups to serve; subscribe to follow changes
 * @param credentials the credentials the node's remoting server verifies, filled from the desired state
 */
public record NodeContext(
        NodeConfig config, JsonMapper json, MeterRegistry metrics, DesiredStateStore desiredState,
        CredentialRegistry credentials) {}
