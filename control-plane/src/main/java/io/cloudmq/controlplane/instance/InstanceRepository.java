package io.cloudmq.controlplane.instance;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InstanceRepository extends JpaRepository<Instance, String> {

    List<Instance> findBySystemFalseOrderByIdAsc(Limit limit);

    List<Instance> findBySystemFalseAndIdGreaterThanOrderByIdAsc(String after, Limit limit);

    boolean existsByClusterIdAndSystemFalse(String clusterId);

    Optional<Instance> findByClusterIdAndSystemTrue(String clusterId);

    boolean existsByIdAndSystemTrue(String id);

    List<Instance> findByClusterIdOrderByIdAsc(String clusterId);

    /** {@code FOR UPDATE}: serialises mutations of one instance's children (quota counts, delete). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Instance i where i.id = :id")
    Optional<Instance> findForUpdate(String id);
}
