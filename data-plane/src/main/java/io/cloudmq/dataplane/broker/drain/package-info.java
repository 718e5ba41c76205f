/**
 * Graceful drain of a broker (ARCHITECTURE §3, spec §6): the drain phases, the per-request GO_AWAY and
 * freeze admission, the tracking of admitted writes, and the sequence fence → close sends → freeze → flush →
 * replica → quiesce consumers → leave, each wait a condition with a deadline.
 */
@NullMarked
package io.cloudmq.dataplane.broker.drain;

import org.jspecify.annotations.NullMarked;
