/**
 * The node admin API ({@code /admin/v1} on the admin port, bearer-token authenticated), the node's
 * Prometheus registry, and the node's registration with the control plane in distributed mode.
 */
@NullMarked
package io.cloudmq.dataplane.admin;

import org.jspecify.annotations.NullMarked;
