/**
 * Node configuration: the properties a node is started with ({@link io.cloudmq.dataplane.config.NodeConfigLoader})
 * and the desired state the control plane pushes to it ({@link io.cloudmq.dataplane.config.DesiredStateStore}).
 */
@NullMarked
package io.cloudmq.dataplane.config;

import org.jspecify.annotations.NullMarked;
