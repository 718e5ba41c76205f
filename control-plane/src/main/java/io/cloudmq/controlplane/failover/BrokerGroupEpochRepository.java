package io.cloudmq.controlplane.failover;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BrokerGroupEpochRepository extends JpaRepository<BrokerGroupEpoch, GroupKey> {
    List<BrokerGroupEpoch> findByKeyClusterId(String clusterId);
}
