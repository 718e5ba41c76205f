package io.cloudmq.controlplane.consumption;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OffsetResetRepository extends JpaRepository<OffsetReset, UUID> {

    Optional<OffsetReset> findByIdAndInstanceIdAndGroupName(UUID id, String instanceId, String groupName);

    List<OffsetReset> findByInstanceIdAndGroupNameOrderByIdDesc(String instanceId, String groupName, Limit limit);

    List<OffsetReset> findByInstanceIdAndGroupNameAndIdLessThanOrderByIdDesc(
            String instanceId, String groupName, UUID before, Limit limit);

    boolean existsByInstanceIdAndGroupNameAndCreatedAtGreaterThan(String instanceId, String groupName, Instant after);

    @Modifying
    @Query("delete from OffsetReset r where r.createdAt < :before")
    int deleteCreatedBefore(Instant before);
}
