/** Generators of time-ordered identifiers. */
@NullMarked
package io.cloudmq.controlplane.shared.id;

import org.jspecify.annotations.NullMarked;
