package io.cloudmq.dataplane.auth;

import io.cloudmq.api.node.DesiredCredential;
import io.cloudmq.api.node.DesiredOperatorCredential;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.SealedSecret;
import io.cloudmq.dataplane.config.DesiredStateListener;
import io.cloudmq.dataplane.config.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every desired state into the {@link CredentialTable} the node serves: each sealed SecretKey is
 * opened in memory with the node token ({@link SealedSecret}) and the whole table replaces the old one.
 *
 * <p>Before the first state with an operator credential the table is {@link CredentialTable#EMPTY}: the
 * node refuses every remoting request (tenants, admin codes, broker registrations alike) with
 * {@code NO_PERMISSION}, and only its admin HTTP API answers. A credential whose secret cannot be opened
 * (sealed for another node token, a duplicate AccessKey) is left out and logged by AccessKey, so it is
 * refused while the others keep working.
 *
 * <p>Thread-safe: called one state at a time by the {@link io.cloudmq.dataplane.config.DesiredStateStore}.
 */
public final class CredentialStateListener implements DesiredStateListener {
    private static final Logger log = LoggerFactory.getLogger(CredentialStateListener.class);

    private final Secret nodeToken;
    private final CredentialRegistry registry;

    public CredentialStateListener(Secret nodeToken, CredentialRegistry registry) {
        this.nodeToken = nodeToken;
        this.registry = registry;
    }

    @Override
    public void onDesiredState(DesiredState state) {
        OperatorCredential operator = operator(state.operator());
        if (operator == null) {
            log.warn("desired state generation {} has no usable operator credential: every remoting request is refused",
                    state.generation());
            registry.replace(CredentialTable.EMPTY);
            return;
        }
        List<TenantCredential> tenants = new ArrayList<>();
        Set<String> accessKeys = new HashSet<>(Set.of(operator.accessKey()));
        for (DesiredCredential credential : state.credentials()) {
            TenantCredential tenant = tenant(credential);
            if (tenant != null && accessKeys.add(tenant.accessKey())) {
                tenants.add(tenant);
            } else if (tenant != null) {
                log.error("AccessKey {} appears twice in the desired state; the later one is refused",
                        tenant.accessKey());
            }
        }
        registry.replace(CredentialTable.of(tenants, operator));
    }

    private @Nullable OperatorCredential operator(@Nullable DesiredOperatorCredential operator) {
        if (operator == null) {
            return null;
        }
        Secret secret = open(operator.accessKey(), operator.sealedSecret());
        return secret == null ? null : new OperatorCredential(operator.accessKey(), secret);
    }

    private @Nullable TenantCredential tenant(DesiredCredential credential) {
        Secret secret = open(credential.accessKey(), credential.sealedSecret());
        if (secret == null) {
            return null;
        }
        try {
            return new TenantCredential(credential.accessKey(), secret, credential.namespace(),
                    Role.fromName(credential.role()), Set.copyOf(credential.topics()),
                    Set.copyOf(credential.groups()), credential.enabled());
        } catch (IllegalArgumentException e) {
            log.error("credential {} is refused: {}", credential.accessKey(), e.getMessage());
            return null;
        }
    }

    private @Nullable Secret open(String accessKey, String sealed) {
        try {
            return new Secret(SealedSecret.open(nodeToken.value(), accessKey, sealed));
        } catch (IllegalArgumentException e) {
            log.error("credential {} is refused: {}", accessKey, e.getMessage());
            return null;
        }
    }
}
