package io.cloudmq.api.credential;

import java.time.Instant;

/**
 * The operator credential of a cluster (admin request codes need it), without its SecretKey.
 *
 * @param clusterId the cluster
 * @param accessKey its AccessKey: 20 characters {@code [A-Za-z0-9]}
 * @param createdAt creation time
 */
public record OperatorCredentialView(String clusterId, String accessKey, Instant createdAt) {}
