package io.cloudmq.controlplane.security;

import java.util.List;

/**
 * Extension point: a bean of this type makes {@code /api/**} paths answer 403 to every key but an admin key,
 * reads included (e.g. endpoints that reveal credential identifiers). {@code /api/v1/api-keys} is always
 * admin-only.
 */
public interface AdminOnlyApiPaths {
    /** Spring {@code PathPattern}s, e.g. {@code /api/v1/clusters/{clusterId}/operator-credential}. */
    List<String> patterns();
}
