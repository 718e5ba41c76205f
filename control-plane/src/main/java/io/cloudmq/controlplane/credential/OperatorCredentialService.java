package io.cloudmq.controlplane.credential;

import io.cloudmq.api.credential.OperatorCredentialView;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator credential of each cluster: admin request codes (topic create/delete, cluster info, offset
 * reset, ...) are accepted by the nodes only when signed with it. Its SecretKey is sealed like instance
 * credentials' and leaves this class in plaintext only through {@link #createIfAbsent} and {@link #secret}.
 */
@Service
public class OperatorCredentialService {
    private final OperatorCredentialRepository credentials;
    private final ClusterService clusters;
    private final SecretCipher cipher;
    private final CredentialKeys keys;
    private final Clock clock;

    OperatorCredentialService(OperatorCredentialRepository credentials, ClusterService clusters, SecretCipher cipher,
            CredentialKeys keys, Clock clock) {
        this.credentials = credentials;
        this.clusters = clusters;
        this.cipher = cipher;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Creates the cluster's operator credential unless it has one.
     *
     * @return the new credential with its secret, or empty if the cluster had one already
     */
    @Transactional
    public Optional<OperatorSecret> createIfAbsent(String clusterId) {
        clusters.get(clusterId);
        String accessKey = keys.accessKey();
        String secretKey = keys.secretKey();
        int inserted = credentials.insertIfAbsent(
                clusterId, accessKey, cipher.seal(accessKey, secretKey), clock.instant());
        return inserted == 1 ? Optional.of(new OperatorSecret(accessKey, secretKey)) : Optional.empty();
    }

    /** The operator credential without its secret; 404 if the cluster is unknown or has none. */
    @Transactional(readOnly = true)
    public OperatorCredentialView get(String clusterId) {
        return find(clusterId).toView();
    }

    /**
     * The operator credential with its decrypted secret, for the control plane's admin requests to the nodes
     * and the canary; 404 if the cluster is unknown or has none.
     *
     * @throws SecretUnreadableException if the stored secret does not decrypt under the master key
     */
    @Transactional(readOnly = true)
    public OperatorSecret secret(String clusterId) {
        return open(find(clusterId));
    }

    /**
     * The operator credential with its decrypted secret, for the desired state of the cluster's nodes; empty
     * while the cluster has none.
     *
     * @throws SecretUnreadableException if the stored secret does not decrypt under the master key
     */
    @Transactional(readOnly = true)
    public Optional<OperatorSecret> findSecret(String clusterId) {
        return credentials.findById(clusterId).map(this::open);
    }

    private OperatorSecret open(OperatorCredential credential) {
        String secretKey = cipher.open(credential.accessKey(), credential.secretCiphertext());
        return new OperatorSecret(credential.accessKey(), secretKey);
    }

    private OperatorCredential find(String clusterId) {
        clusters.get(clusterId);
        return credentials.findById(clusterId)
                .orElseThrow(() -> ResourceNotFoundException.of("operator credential of cluster", clusterId));
    }
}
