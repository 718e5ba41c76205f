package io.cloudmq.controlplane.consumergroup;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsumerGroupRepository extends JpaRepository<ConsumerGroup, Long> {

    Optional<ConsumerGroup> findByInstanceIdAndName(String instanceId, String name);

    boolean existsByInstanceIdAndName(String instanceId, String name);

    long countByInstanceId(String instanceId);

    List<ConsumerGroup> findByInstanceIdInOrderByInstanceIdAscNameAsc(Collection<String> instanceIds);

    List<ConsumerGroup> findByInstanceIdOrderByNameAsc(String instanceId, Limit limit);

    List<ConsumerGroup> findByInstanceIdAndNameGreaterThanOrderByNameAsc(String instanceId, String after, Limit limit);
}
