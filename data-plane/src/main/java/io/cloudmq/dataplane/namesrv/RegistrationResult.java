package io.cloudmq.dataplane.namesrv;

import org.jspecify.annotations.Nullable;

/**
 * What a slave learns from registering: its group master's address and HA address, both null for a
 * master or while the group has none.
 */
public record RegistrationResult(@Nullable String masterAddr, @Nullable String haServerAddr) {}
