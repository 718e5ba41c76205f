package io.cloudmq.dataplane.namesrv;

import org.jspecify.annotations.Nullable;

/**
 * What a broker learns from registering: whether the name server took the registration (a master
 * registration with an epoch older than its group's is refused, see {@link RouteTable}), and its group
 * master's address and HA address, both null for an accepted master or while the group has none.
 *
 * @param groupEpoch the highest epoch a master of the group registered with so far
 */
public record RegistrationResult(
        boolean accepted, @Nullable String masterAddr, @Nullable String haServerAddr, long groupEpoch) {}
