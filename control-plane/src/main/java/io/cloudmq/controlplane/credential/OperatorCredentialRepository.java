package io.cloudmq.controlplane.credential;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OperatorCredentialRepository extends JpaRepository<OperatorCredential, String> {

    /** Inserts the cluster's operator credential unless it has one (safe with several replicas starting). */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO operator_credentials (cluster_id, access_key, secret_ciphertext, created_at)
            VALUES (:clusterId, :accessKey, :secretCiphertext, :createdAt)
            ON CONFLICT (cluster_id) DO NOTHING""")
    int insertIfAbsent(String clusterId, String accessKey, byte[] secretCiphertext, Instant createdAt);
}
