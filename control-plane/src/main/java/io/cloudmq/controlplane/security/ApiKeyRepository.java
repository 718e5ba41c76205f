package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.ApiKeyRole;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

    long countByRole(ApiKeyRole role);

    List<ApiKey> findAllByOrderByCreatedAtAsc();
}
