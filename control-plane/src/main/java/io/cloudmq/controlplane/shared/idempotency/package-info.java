/** Replays the first answer of a POST repeated with the same Idempotency-Key. */
@NullMarked
package io.cloudmq.controlplane.shared.idempotency;

import org.jspecify.annotations.NullMarked;
