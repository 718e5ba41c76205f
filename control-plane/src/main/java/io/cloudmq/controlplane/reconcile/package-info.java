/**
 * Desired state and reconciliation (ARCHITECTURE §4): every committed change of what nodes serve leaves an
 * outbox row and a new cluster generation; a singleton reconciler pushes each node's desired state after
 * the commit, records the outcome, retries with back-off and repairs drift.
 */
@NullMarked
package io.cloudmq.controlplane.reconcile;

import org.jspecify.annotations.NullMarked;
