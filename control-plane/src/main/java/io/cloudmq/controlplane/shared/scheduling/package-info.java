/** Background threads of the control plane's periodic singleton work. */
@NullMarked
package io.cloudmq.controlplane.shared.scheduling;

import org.jspecify.annotations.NullMarked;
