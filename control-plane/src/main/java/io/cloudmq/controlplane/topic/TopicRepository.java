package io.cloudmq.controlplane.topic;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface TopicRepository extends JpaRepository<Topic, Long> {

    Optional<Topic> findByInstanceIdAndName(String instanceId, String name);

    boolean existsByInstanceIdAndName(String instanceId, String name);

    long countByInstanceId(String instanceId);

    List<Topic> findByInstanceIdInOrderByInstanceIdAscNameAsc(Collection<String> instanceIds);

    List<Topic> findByInstanceIdOrderByNameAsc(String instanceId, Limit limit);

    List<Topic> findByInstanceIdAndNameGreaterThanOrderByNameAsc(String instanceId, String after, Limit limit);
}
