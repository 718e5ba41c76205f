/** The CloudMQ control plane. */
@NullMarked
package io.cloudmq.controlplane;

import org.jspecify.annotations.NullMarked;
