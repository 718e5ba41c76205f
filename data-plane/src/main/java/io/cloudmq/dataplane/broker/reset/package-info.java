/**
 * Consumer offset resets (backtracking, spec §4.15): planning by time, earliest or latest, applying the
 * server-side way, for {@code INVOKE_BROKER_TO_RESET_OFFSET} (222) and the node admin API.
 */
@NullMarked
package io.cloudmq.dataplane.broker.reset;

import org.jspecify.annotations.NullMarked;
