package io.cloudmq.controlplane.reconcile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeReconciliationRepository extends JpaRepository<NodeReconciliation, NodeReconciliationKey> {
    List<NodeReconciliation> findByKeyClusterId(String clusterId);
}
