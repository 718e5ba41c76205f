package io.cloudmq.controlplane.shared.idempotency;

import java.util.List;

/**
 * Extension point: a bean of this type names {@code POST} paths whose answers hold a secret (an API token, a
 * SecretKey). The idempotency filter never stores those answers, so it does not honour {@code Idempotency-Key}
 * on them: a repetition creates another secret instead of replaying the first.
 */
public interface SecretAnswerPaths {
    /** Spring {@code PathPattern}s, e.g. {@code /api/v1/instances/{instanceId}/credentials}. */
    List<String> patterns();
}
