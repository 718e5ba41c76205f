/**
 * Backtracking: resets of a consumer group's offsets to a time, the earliest or the latest message, planned
 * (dry run), applied on the master brokers through their admin API, listed, and undone within 7 days.
 */
@NullMarked
package io.cloudmq.controlplane.offsetreset;

import org.jspecify.annotations.NullMarked;
