/**
 * Standalone mode: the control plane brings its own real PostgreSQL (embedded binaries, data kept under
 * the data directory) when no external database is configured.
 */
@NullMarked
package io.cloudmq.controlplane.standalone;

import org.jspecify.annotations.NullMarked;
