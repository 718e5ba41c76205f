/** Singleton guard: work that must run on one control-plane replica only, elected by a PostgreSQL advisory lock. */
@NullMarked
package io.cloudmq.controlplane.shared.leadership;

import org.jspecify.annotations.NullMarked;
