/** Views of desired-state reconciliation: what each node serves and the outbox of pending changes. */
@NullMarked
package io.cloudmq.api.reconcile;

import org.jspecify.annotations.NullMarked;
