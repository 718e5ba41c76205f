/**
 * Data-plane nodes: the registry with measured liveness, the admin-API client, and the launcher that runs
 * the local cluster as child JVMs in standalone mode.
 */
@NullMarked
package io.cloudmq.controlplane.node;

import org.jspecify.annotations.NullMarked;
