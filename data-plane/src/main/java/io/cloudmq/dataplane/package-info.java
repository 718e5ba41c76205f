/**
 * A data-plane node process: {@link io.cloudmq.dataplane.NodeMain} reads the configuration, and
 * {@link io.cloudmq.dataplane.NodeServices} assembles the services of the node's role.
 */
@NullMarked
package io.cloudmq.dataplane;

import org.jspecify.annotations.NullMarked;
