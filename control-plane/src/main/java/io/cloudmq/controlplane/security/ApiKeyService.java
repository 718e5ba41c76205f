package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.ApiKeyView;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Management API keys: creation (the secret is returned once), revocation and authentication of bearer tokens. */
@Service
public class ApiKeyService {
    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiKeyView create(CreateApiKeyRequest request) {
        ApiTokens.Parts parts = ApiTokens.generate();
        ApiKey key = new ApiKey(parts.keyId(), request.name().strip(), request.role(), ApiTokens.sha256(parts.secret()),
                clock.instant());
        return new CreatedApiKeyView(keys.saveAndFlush(key).toView(), parts.token());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return keys.findAllByOrderByCreatedAtAsc().stream().map(ApiKey::toView).toList();
    }

    /** Revokes a key; the last admin key cannot be revoked (409), or nobody could manage keys any more. */
    @Transactional
    public void delete(String keyId) {
        ApiKey key = keys.findById(keyId).orElseThrow(() -> ResourceNotFoundException.of("api key", keyId));
        if (key.role() == ApiKeyRole.ADMIN && keys.countByRole(ApiKeyRole.ADMIN) == 1) {
            throw new StateConflictException("Key " + keyId + " is the last admin key");
        }
        keys.delete(key);
    }

    /** The principal of a bearer token, if the token is well-formed, known and its secret matches. */
    @Transactional(readOnly = true)
    public Optional<ApiPrincipal> authenticate(String token) {
        return ApiTokens.parse(token).flatMap(parts -> keys.findById(parts.keyId())
                .filter(key -> key.matches(ApiTokens.sha256(parts.secret())))
                .map(ApiKey::principal));
    }

    /** Creates an admin key if none exists; returns its token, or empty if an admin key exists already. */
    @Transactional
    public Optional<String> createBootstrapAdminIfNone() {
        if (keys.countByRole(ApiKeyRole.ADMIN) > 0) {
            return Optional.empty();
        }
        return Optional.of(create(new CreateApiKeyRequest("bootstrap admin", ApiKeyRole.ADMIN)).token());
    }
}
