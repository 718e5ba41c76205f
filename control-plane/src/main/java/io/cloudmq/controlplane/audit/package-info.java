/** The audit trail of every mutating call, refused ones included. */
@NullMarked
package io.cloudmq.controlplane.audit;

import org.jspecify.annotations.NullMarked;
