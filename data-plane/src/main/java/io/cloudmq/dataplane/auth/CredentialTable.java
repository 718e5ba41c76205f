package io.cloudmq.dataplane.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One complete, immutable set of credentials a node accepts: every tenant credential by AccessKey, plus at
 * most one operator credential. Built whole from each desired state and swapped in by
 * {@link CredentialRegistry#replace}, so a request is always checked against one consistent table.
 * Thread-safe (immutable).
 */
public final class CredentialTable {
    /** No credentials: every request is refused. */
    public static final CredentialTable EMPTY = new CredentialTable(Map.of(), null);

    private final Map<String, Credential> byAccessKey;
    private final @Nullable OperatorCredential operator;

    private CredentialTable(Map<String, Credential> byAccessKey, @Nullable OperatorCredential operator) {
        this.byAccessKey = Map.copyOf(byAccessKey);
        this.operator = operator;
    }

    /**
     * @throws IllegalArgumentException if two credentials share an AccessKey
     */
    public static CredentialTable of(Collection<TenantCredential> tenants, @Nullable OperatorCredential operator) {
        Map<String, Credential> byAccessKey = new HashMap<>();
        tenants.forEach(credential -> add(byAccessKey, credential));
        if (operator != null) {
            add(byAccessKey, operator);
        }
        return new CredentialTable(byAccessKey, operator);
    }

    public Optional<Credential> find(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    /** The operator credential, which this node's own requests (broker registration) are signed with. */
    public Optional<OperatorCredential> operator() {
        return Optional.ofNullable(operator);
    }

    public int size() {
        return byAccessKey.size();
    }

    private static void add(Map<String, Credential> byAccessKey, Credential credential) {
        if (byAccessKey.putIfAbsent(credential.accessKey(), credential) != null) {
            throw new IllegalArgumentException("AccessKey " + credential.accessKey() + " appears twice");
        }
    }
}
