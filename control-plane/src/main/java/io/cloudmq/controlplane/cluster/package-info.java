/** Clusters instances run on, and the row lock that serialises mutations against upgrade-window state changes. */
@NullMarked
package io.cloudmq.controlplane.cluster;

import org.jspecify.annotations.NullMarked;
