package io.cloudmq.controlplane.consumergroup;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumptionMode;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.DeliveryOrder;
import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.instance.InstanceConfigChanged;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.instance.QuotaExceededException;
import io.cloudmq.controlplane.shared.error.ResourceAlreadyExistsException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.VersionMismatchException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of consumer groups. Every mutation first calls {@link InstanceService#lockForMutation} in its
 * transaction, so it is refused with 423 under an upgrade lock; a change the nodes serve publishes
 * {@link InstanceConfigChanged} in the same transaction.
 */
@Service
public class ConsumerGroupService {
    private final ConsumerGroupRepository groups;
    private final InstanceService instances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsumerGroupService(ConsumerGroupRepository groups, InstanceService instances, ApplicationEventPublisher events,
            Clock clock) {
        this.groups = groups;
        this.instances = instances;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ConsumerGroupView create(String instanceId, CreateConsumerGroupRequest request) {
        InstanceView instance = instances.lockForMutation(instanceId);
        if (groups.existsByInstanceIdAndName(instanceId, request.name())) {
            throw ResourceAlreadyExistsException.of("consumer group", request.name());
        }
        QuotaExceededException.check(
                instanceId, "consumer groups", groups.countByInstanceId(instanceId), instance.quotas().maxGroups());
        ConsumerGroup group = new ConsumerGroup(instanceId, request.name(),
                Objects.requireNonNullElse(request.deliveryOrder(), DeliveryOrder.CONCURRENTLY),
                Objects.requireNonNullElse(request.consumptionMode(), ConsumptionMode.CLUSTERING),
                Objects.requireNonNullElse(request.maxRetries(), CreateConsumerGroupRequest.DEFAULT_MAX_RETRIES),
                request.remark(), clock.instant());
        ConsumerGroupView created = groups.saveAndFlush(group).toView();
        publish(instance, created.name(), "created");
        return created;
    }

    /** Whether the instance holds a consumer group of that name. */
    @Transactional(readOnly = true)
    public boolean exists(String instanceId, String name) {
        return groups.existsByInstanceIdAndName(instanceId, name);
    }

    @Transactional(readOnly = true)
    public ConsumerGroupView get(String instanceId, String name) {
        return find(instanceId, name).toView();
    }

    /** The cluster serving the group's instance; 404 if the instance or the group does not exist. */
    @Transactional(readOnly = true)
    public String clusterOf(String instanceId, String name) {
        String cluster = instances.get(instanceId).cluster();
        find(instanceId, name);
        return cluster;
    }

    /** Every consumer group of the given instances, ordered by instance and name (for the reconciler's snapshot). */
    @Transactional(readOnly = true)
    public List<ConsumerGroupView> listOfInstances(Collection<String> instanceIds) {
        return groups.findByInstanceIdInOrderByInstanceIdAscNameAsc(instanceIds).stream()
                .map(ConsumerGroup::toView)
                .toList();
    }

    @Transactional(readOnly = true)
    public PageView<ConsumerGroupView> list(String instanceId, PageCursor cursor) {
        instances.get(instanceId);
        Limit limit = Limit.of(cursor.fetchSize());
        List<ConsumerGroup> rows = cursor.after() == null
                ? groups.findByInstanceIdOrderByNameAsc(instanceId, limit)
                : groups.findByInstanceIdAndNameGreaterThanOrderByNameAsc(instanceId, cursor.after(), limit);
        return cursor.page(rows, ConsumerGroup::name, ConsumerGroup::toView);
    }

    @Transactional
    public ConsumerGroupView update(
            String instanceId, String name, UpdateConsumerGroupRequest request, @Nullable Long expectedVersion) {
        InstanceView instance = instances.lockForMutation(instanceId);
        ConsumerGroup group = find(instanceId, name);
        VersionMismatchException.check(expectedVersion, group.version());
        group.change(request.deliveryOrder(), request.consumptionMode(), request.maxRetries(), request.remark(),
                clock.instant());
        if (request.deliveryOrder() != null || request.consumptionMode() != null || request.maxRetries() != null) {
            publish(instance, name, "updated");
        }
        return groups.saveAndFlush(group).toView();
    }

    @Transactional
    public void delete(String instanceId, String name, @Nullable Long expectedVersion) {
        InstanceView instance = instances.lockForMutation(instanceId);
        ConsumerGroup group = find(instanceId, name);
        VersionMismatchException.check(expectedVersion, group.version());
        groups.delete(group);
        groups.flush();
        publish(instance, name, "deleted");
    }

    private void publish(InstanceView instance, String group, String what) {
        events.publishEvent(
                new InstanceConfigChanged(instance.cluster(), instance.id(), "consumer group " + group + " " + what));
    }

    private ConsumerGroup find(String instanceId, String name) {
        instances.get(instanceId);
        return groups.findByInstanceIdAndName(instanceId, name)
                .orElseThrow(() -> ResourceNotFoundException.of("consumer group", name));
    }
}
