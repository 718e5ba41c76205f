/** Consumer groups of an instance. */
@NullMarked
package io.cloudmq.controlplane.consumergroup;

import org.jspecify.annotations.NullMarked;
