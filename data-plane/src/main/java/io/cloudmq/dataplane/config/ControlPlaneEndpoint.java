package io.cloudmq.dataplane.config;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where a node of a distributed deployment registers itself. Immutable.
 *
 * @param url base URL of the control plane, without a trailing slash, e.g. {@code http://control-plane:8080}
 * @param bootstrapToken the cluster's bootstrap token, sent as a bearer token with the registration
 * @param adminUrl the node's admin API as the control plane reaches it, when that differs from
 *     {@code http://<advertised.host>:<admin.port>} (e.g. behind container port mapping)
 */
public record ControlPlaneEndpoint(URI url, Secret bootstrapToken, @Nullable URI adminUrl) {}
