package io.cloudmq.controlplane.failover;

import io.cloudmq.api.failover.SwitchoverJobState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SwitchoverJobRepository extends JpaRepository<SwitchoverJob, UUID> {
    Optional<SwitchoverJob> findFirstByClusterIdAndBrokerNameAndStateIn(String clusterId, String brokerName,
            Collection<SwitchoverJobState> states);

    List<SwitchoverJob> findByClusterIdAndStateInOrderByCreatedAt(String clusterId,
            Collection<SwitchoverJobState> states);
}
