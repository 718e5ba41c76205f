/** Upgrade windows, their time-driven scheduler and the lock they put on their cluster's instances. */
@NullMarked
package io.cloudmq.controlplane.upgrade;

import org.jspecify.annotations.NullMarked;
