package io.cloudmq.controlplane.cluster;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ClusterRepository extends JpaRepository<Cluster, String> {

    /** {@code SELECT ... FOR SHARE}: taken by every mutation of the cluster's instances. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select c from Cluster c where c.id = :id")
    Optional<Cluster> findForShare(String id);

    /** {@code SELECT ... FOR UPDATE}: taken by every upgrade-window state change. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Cluster c where c.id = :id")
    Optional<Cluster> findForUpdate(String id);
}
