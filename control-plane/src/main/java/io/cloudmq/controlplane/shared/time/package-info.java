/** The application clock. */
@NullMarked
package io.cloudmq.controlplane.shared.time;

import org.jspecify.annotations.NullMarked;
