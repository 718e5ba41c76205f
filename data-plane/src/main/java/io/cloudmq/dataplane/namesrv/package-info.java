/**
 * The name server (role {@code namesrv}): broker registration and liveness, topic routes and cluster
 * info for clients (spec §2).
 */
@NullMarked
package io.cloudmq.dataplane.namesrv;

import org.jspecify.annotations.NullMarked;
