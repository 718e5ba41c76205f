package io.cloudmq.controlplane.instance;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.StateConflictException;
import io.cloudmq.controlplane.shared.error.VersionMismatchException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import io.cloudmq.controlplane.upgrade.UpgradeLockService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of instances, and the entry point other features use before they change anything inside an
 * instance ({@link #lockForMutation}). A quota change or a delete publishes {@link InstanceConfigChanged} in
 * its transaction (the nodes serve the message-size quota and the instance's topics and groups).
 */
@Service
public class InstanceService {
    private final InstanceRepository instances;
    private final ClusterService clusters;
    private final UpgradeLockService upgradeLock;
    private final List<InstanceContents> contents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstanceService(InstanceRepository instances, ClusterService clusters, UpgradeLockService upgradeLock,
            List<InstanceContents> contents, ApplicationEventPublisher events, Clock clock) {
        this.instances = instances;
        this.clusters = clusters;
        this.upgradeLock = upgradeLock;
        this.contents = contents;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public InstanceView create(CreateInstanceRequest request) {
        ClusterView cluster = clusters.find(request.cluster())
                .orElseThrow(() -> new InvalidFieldException("cluster", "names no known cluster"));
        requireReplicatedGroupFor(request.tier(), cluster);
        int maxRetention = cluster.maxRetentionHours();
        var defaults = TierQuotas.defaults(request.tier(), maxRetention);
        var quotas = TierQuotas.merge(defaults, request.quotas(), maxRetention);
        Instance instance = new Instance(InstanceIds.next(), request.name().strip(), request.description(),
                cluster.id(), request.tier(), quotas, clock.instant());
        return instances.saveAndFlush(instance).toView();
    }

    /**
     * Creates the reserved system instance of {@code clusterId} (its canary's), hidden from the tenant API:
     * not listed, and its id answers 404 under {@code /api/v1/instances/{id}} ({@link SystemInstanceGuard}).
     * Its topics, groups and credentials are created through the usual services.
     */
    @Transactional
    public InstanceView createSystem(String clusterId, String name) {
        ClusterView cluster = clusters.get(clusterId);
        var quotas = TierQuotas.defaults(InstanceTier.CLUSTER_HA, cluster.maxRetentionHours());
        Instance instance = new Instance(InstanceIds.next(), name, "Reserved for the system; hidden from tenants",
                cluster.id(), InstanceTier.CLUSTER_HA, quotas, clock.instant());
        instance.reserveForSystem();
        return instances.saveAndFlush(instance).toView();
    }

    /** The reserved system instance of {@code clusterId}, if created. */
    @Transactional(readOnly = true)
    public Optional<InstanceView> findSystem(String clusterId) {
        return instances.findByClusterIdAndSystemTrue(clusterId).map(Instance::toView);
    }

    /** Whether {@code instanceId} is a reserved system instance. */
    @Transactional(readOnly = true)
    public boolean isSystem(String instanceId) {
        return instances.existsByIdAndSystemTrue(instanceId);
    }

    /** Whether {@code clusterId} hosts any tenant instance (system instances aside). */
    @Transactional(readOnly = true)
    public boolean hostsTenantInstances(String clusterId) {
        return instances.existsByClusterIdAndSystemFalse(clusterId);
    }

    @Transactional(readOnly = true)
    public InstanceView get(String instanceId) {
        return find(instanceId).toView();
    }

    @Transactional(readOnly = true)
    public PageView<InstanceView> list(PageCursor cursor) {
        Limit limit = Limit.of(cursor.fetchSize());
        List<Instance> rows = cursor.after() == null
                ? instances.findBySystemFalseOrderByIdAsc(limit)
                : instances.findBySystemFalseAndIdGreaterThanOrderByIdAsc(cursor.after(), limit);
        return cursor.page(rows, Instance::id, Instance::toView);
    }

    @Transactional
    public InstanceView update(String instanceId, UpdateInstanceRequest request, @Nullable Long expectedVersion) {
        Instance instance = lock(instanceId);
        VersionMismatchException.check(expectedVersion, instance.version());
        Instant now = clock.instant();
        if (request.name() != null) {
            instance.rename(request.name().strip(), now);
        }
        if (request.description() != null) {
            instance.describe(request.description(), now);
        }
        if (request.quotas() != null) {
            int maxRetention = clusters.get(instance.clusterId()).maxRetentionHours();
            instance.apply(TierQuotas.merge(instance.quotas(), request.quotas(), maxRetention), now);
            publish(instance, "quotas updated");
        }
        return instances.saveAndFlush(instance).toView();
    }

    /**
     * Deletes an instance; one that still holds topics, groups or credentials only with {@code force}, which
     * deletes them too.
     */
    @Transactional
    public void delete(String instanceId, boolean force, @Nullable Long expectedVersion) {
        Instance instance = lock(instanceId);
        VersionMismatchException.check(expectedVersion, instance.version());
        if (!force) {
            for (InstanceContents content : contents) {
                long count = content.countIn(instanceId);
                if (count > 0) {
                    throw new StateConflictException("Instance " + instanceId + " still holds " + count + " "
                            + content.kind() + "; delete them first or pass force=true");
                }
            }
        }
        instances.delete(instance);
        instances.flush();
        publish(instance, "deleted");
    }

    /** The instances hosted on a cluster, system ones included, ordered by id (for the reconciler's snapshot). */
    @Transactional(readOnly = true)
    public List<InstanceView> listOnCluster(String clusterId) {
        return instances.findByClusterIdOrderByIdAsc(clusterId).stream().map(Instance::toView).toList();
    }

    /**
     * For features changing resources inside an instance, within their transaction: locks the instance row
     * (serialising quota checks and deletes) and refuses with 423 while an upgrade window locks its cluster.
     *
     * @return the instance, for its quotas and cluster
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public InstanceView lockForMutation(String instanceId) {
        return lock(instanceId).toView();
    }

    private Instance lock(String instanceId) {
        Instance instance = instances.findForUpdate(instanceId).orElseThrow(() -> notFound(instanceId));
        upgradeLock.assertUnlocked(instanceId, instance.clusterId());
        return instance;
    }

    private Instance find(String instanceId) {
        return instances.findById(instanceId).orElseThrow(() -> notFound(instanceId));
    }

    private void publish(Instance instance, String what) {
        events.publishEvent(new InstanceConfigChanged(instance.clusterId(), instance.id(), "instance " + what));
    }

    /**
     * A {@code cluster_ha} instance needs a cluster with at least one SYNC_MASTER broker group, whose acknowledged
     * sends survive the loss of its master: 409 {@code conflict} on a cluster whose groups are all ASYNC_MASTER
     * (a {@code single_node} cluster).
     */
    private static void requireReplicatedGroupFor(InstanceTier tier, ClusterView cluster) {
        if (tier == InstanceTier.CLUSTER_HA && !cluster.brokerGroupRoles().containsValue(BrokerGroupRole.SYNC_MASTER)) {
            throw new StateConflictException("Cluster " + cluster.id() + " has no SYNC_MASTER broker group "
                    + cluster.brokerGroupRoles() + ", which a cluster_ha instance needs; create a single_node "
                    + "instance there, or place it on a cluster_ha cluster");
        }
    }

    private static ResourceNotFoundException notFound(String instanceId) {
        return ResourceNotFoundException.of("instance", instanceId);
    }
}
