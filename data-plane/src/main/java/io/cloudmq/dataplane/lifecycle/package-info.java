/** Start-up order and shutdown of a node process: its services, the shutdown hook, the parent watch. */
@NullMarked
package io.cloudmq.dataplane.lifecycle;

import org.jspecify.annotations.NullMarked;
