package io.cloudmq.dataplane.config;

import java.net.URI;

/**
 * Where a node of a distributed deployment registers itself. Immutable.
 *
 * @param url base URL of the control plane, without a trailing slash, e.g. {@code http://control-plane:8080}
 * @param bootstrapToken the cluster's bootstrap token, sent as a bearer token with the registration
 */
public record ControlPlaneEndpoint(URI url, Secret bootstrapToken) {}
