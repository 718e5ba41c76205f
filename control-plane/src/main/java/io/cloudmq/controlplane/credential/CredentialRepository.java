package io.cloudmq.controlplane.credential;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface CredentialRepository extends JpaRepository<Credential, String> {

    Optional<Credential> findByInstanceIdAndAccessKey(String instanceId, String accessKey);

    long countByInstanceId(String instanceId);

    List<Credential> findByInstanceIdOrderByAccessKeyAsc(String instanceId);

    List<Credential> findByInstanceIdOrderByAccessKeyAsc(String instanceId, Limit limit);

    List<Credential> findByInstanceIdAndAccessKeyGreaterThanOrderByAccessKeyAsc(
            String instanceId, String after, Limit limit);
}
