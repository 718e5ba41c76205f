package io.cloudmq.controlplane.cluster;

import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads clusters and takes the cluster-row locks that serialise instance mutations against upgrade-window
 * state changes (ARCHITECTURE §4): mutations hold {@code FOR SHARE}, so they run concurrently with each other
 * but never with a window's state change, which holds {@code FOR UPDATE}.
 */
@Service
public class ClusterService {
    private final ClusterRepository clusters;

    ClusterService(ClusterRepository clusters) {
        this.clusters = clusters;
    }

    /** Every cluster, ordered by id. */
    @Transactional(readOnly = true)
    public List<ClusterView> list() {
        return clusters.findAll(Sort.by("id")).stream().map(Cluster::toView).toList();
    }

    /** One cluster; 404 if unknown. */
    @Transactional(readOnly = true)
    public ClusterView get(String clusterId) {
        return clusters.findById(clusterId).map(Cluster::toView).orElseThrow(() -> notFound(clusterId));
    }

    /** One cluster, if it exists. */
    @Transactional(readOnly = true)
    public Optional<ClusterView> find(String clusterId) {
        return clusters.findById(clusterId).map(Cluster::toView);
    }

    /** Holds the cluster row {@code FOR SHARE} until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClusterView lockForMutation(String clusterId) {
        return clusters.findForShare(clusterId).map(Cluster::toView).orElseThrow(() -> notFound(clusterId));
    }

    /** Holds the cluster row {@code FOR UPDATE} until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ClusterView lockForStateChange(String clusterId) {
        return clusters.findForUpdate(clusterId).map(Cluster::toView).orElseThrow(() -> notFound(clusterId));
    }

    private static ResourceNotFoundException notFound(String clusterId) {
        return ResourceNotFoundException.of("cluster", clusterId);
    }
}
