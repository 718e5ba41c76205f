/** Contracts of the node admin API ({@code /admin/v1} on every data-plane node), shared by nodes and the control plane. */
@NullMarked
package io.cloudmq.api.node;

import org.jspecify.annotations.NullMarked;
