package io.cloudmq.controlplane.security;

import java.util.List;

/**
 * Extension point: a bean of this type exempts {@code /api/**} paths from API-key authentication, for
 * endpoints with their own credential (e.g. node registration with a bootstrap token). Everything under
 * {@code /api/} needs a key unless some bean lists it here.
 */
public interface PublicApiPaths {
    /** Spring {@code PathPattern}s, e.g. {@code /api/v1/clusters/{clusterId}/nodes/registrations}. */
    List<String> patterns();
}
