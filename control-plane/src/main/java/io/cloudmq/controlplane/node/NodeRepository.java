package io.cloudmq.controlplane.node;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeRepository extends JpaRepository<Node, NodeKey> {
    List<Node> findByKeyClusterIdOrderByKeyNodeId(String clusterId);
}
