/**
 * Operations on what a consumer group consumes: resets of its offsets to a time, the earliest or the latest
 * message (backtracking: planned as a dry run, applied on the master brokers, listed, undone within 7 days), and
 * its dead letters (listed and resent to their original topics); and, on the producer side of the same guarantee,
 * the instance's transaction messages rolled back after the maximum number of checks (listed for audit). All go
 * through the masters' admin API.
 */
@NullMarked
package io.cloudmq.controlplane.consumption;

import org.jspecify.annotations.NullMarked;
