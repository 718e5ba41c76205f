package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.ClusterView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters")
class ClusterController {
    private final ClusterService clusters;

    ClusterController(ClusterService clusters) {
        this.clusters = clusters;
    }

    @GetMapping
    List<ClusterView> list() {
        return clusters.list();
    }

    @GetMapping("/{clusterId}")
    ClusterView get(@PathVariable String clusterId) {
        return clusters.get(clusterId);
    }
}
