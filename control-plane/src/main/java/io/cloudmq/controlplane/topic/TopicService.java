package io.cloudmq.controlplane.topic;

import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.TopicPlacement;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.api.topic.UpdateTopicRequest;
import io.cloudmq.controlplane.cluster.ClusterService;
import io.cloudmq.controlplane.instance.InstanceConfigChanged;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.instance.QuotaExceededException;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceAlreadyExistsException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.error.VersionMismatchException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of topics. Every mutation first calls {@link InstanceService#lockForMutation} in its transaction,
 * so it is refused with 423 under an upgrade lock and serialised against quota checks of the same instance;
 * a change the nodes serve publishes {@link InstanceConfigChanged} in the same transaction.
 */
@Service
public class TopicService {
    static final int DEFAULT_QUEUES_PER_GROUP = 4;

    private final TopicRepository topics;
    private final InstanceService instances;
    private final ClusterService clusters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TopicService(TopicRepository topics, InstanceService instances, ClusterService clusters,
            ApplicationEventPublisher events, Clock clock) {
        this.topics = topics;
        this.instances = instances;
        this.clusters = clusters;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public TopicView create(String instanceId, CreateTopicRequest request) {
        InstanceView instance = instances.lockForMutation(instanceId);
        if (topics.existsByInstanceIdAndName(instanceId, request.name())) {
            throw ResourceAlreadyExistsException.of("topic", request.name());
        }
        QuotaExceededException.check(
                instanceId, "topics", topics.countByInstanceId(instanceId), instance.quotas().maxTopics());
        TopicPlacement placement = placement(clusters.get(instance.cluster()), request.placement());
        Topic topic = new Topic(instanceId, request.name(), request.messageType(),
                request.permission() == null ? TopicPermission.READ_WRITE : request.permission(),
                placement.brokerGroups(), placement.queuesPerGroup(), request.remark(), clock.instant());
        TopicView created = topics.saveAndFlush(topic).toView();
        publish(instance, created.name(), "created");
        return created;
    }

    /** Whether the instance holds a topic of that name. */
    @Transactional(readOnly = true)
    public boolean exists(String instanceId, String name) {
        return topics.existsByInstanceIdAndName(instanceId, name);
    }

    @Transactional(readOnly = true)
    public TopicView get(String instanceId, String name) {
        return find(instanceId, name).toView();
    }

    /** Every topic of the given instances, ordered by instance and name (for the reconciler's snapshot). */
    @Transactional(readOnly = true)
    public List<TopicView> listOfInstances(Collection<String> instanceIds) {
        return topics.findByInstanceIdInOrderByInstanceIdAscNameAsc(instanceIds).stream().map(Topic::toView).toList();
    }

    @Transactional(readOnly = true)
    public PageView<TopicView> list(String instanceId, PageCursor cursor) {
        instances.get(instanceId);
        Limit limit = Limit.of(cursor.fetchSize());
        List<Topic> rows = cursor.after() == null
                ? topics.findByInstanceIdOrderByNameAsc(instanceId, limit)
                : topics.findByInstanceIdAndNameGreaterThanOrderByNameAsc(instanceId, cursor.after(), limit);
        return cursor.page(rows, Topic::name, Topic::toView);
    }

    @Transactional
    public TopicView update(
            String instanceId, String name, UpdateTopicRequest request, @Nullable Long expectedVersion) {
        InstanceView instance = instances.lockForMutation(instanceId);
        Topic topic = find(instanceId, name);
        VersionMismatchException.check(expectedVersion, topic.version());
        if (request.messageType() != null && request.messageType() != topic.messageType()) {
            throw new InvalidFieldException("messageType", "is immutable (the topic is " + topic.messageType() + ")");
        }
        Instant now = clock.instant();
        if (request.queuesPerGroup() != null && request.queuesPerGroup() != topic.queuesPerGroup()) {
            changeQueues(topic, request.queuesPerGroup(), now);
        }
        if (request.permission() != null) {
            topic.changePermission(request.permission(), now);
        }
        if (request.remark() != null) {
            topic.changeRemark(request.remark(), now);
        }
        if (request.permission() != null || request.queuesPerGroup() != null) {
            publish(instance, name, "updated");
        }
        return topics.saveAndFlush(topic).toView();
    }

    @Transactional
    public void delete(String instanceId, String name, @Nullable Long expectedVersion) {
        InstanceView instance = instances.lockForMutation(instanceId);
        Topic topic = find(instanceId, name);
        VersionMismatchException.check(expectedVersion, topic.version());
        topics.delete(topic);
        topics.flush();
        publish(instance, name, "deleted");
    }

    private void publish(InstanceView instance, String topic, String what) {
        events.publishEvent(new InstanceConfigChanged(instance.cluster(), instance.id(), "topic " + topic + " " + what));
    }

    private static void changeQueues(Topic topic, int queues, Instant now) {
        if (topic.messageType() == MessageType.FIFO) {
            throw new InvalidFieldException(
                    "queuesPerGroup", "cannot change for a FIFO topic (it would break ordering)");
        }
        if (queues < topic.queuesPerGroup()) {
            throw new InvalidFieldException(
                    "queuesPerGroup", "can only grow (currently " + topic.queuesPerGroup() + ")");
        }
        topic.changeQueuesPerGroup(queues, now);
    }

    private static TopicPlacement placement(ClusterView cluster, @Nullable TopicPlacement requested) {
        if (requested == null) {
            return new TopicPlacement(cluster.brokerGroups(), DEFAULT_QUEUES_PER_GROUP);
        }
        List<String> groups = requested.brokerGroups() == null ? cluster.brokerGroups() : requested.brokerGroups();
        for (String group : groups) {
            if (!cluster.brokerGroups().contains(group)) {
                throw new InvalidFieldException("placement.brokerGroups", "names " + group
                        + ", which is not a broker group of cluster " + cluster.id() + " " + cluster.brokerGroups());
            }
        }
        if (groups.stream().distinct().count() != groups.size()) {
            throw new InvalidFieldException("placement.brokerGroups", "names a broker group twice");
        }
        return new TopicPlacement(groups, requested.queuesPerGroup());
    }

    private Topic find(String instanceId, String name) {
        instances.get(instanceId);
        return topics.findByInstanceIdAndName(instanceId, name)
                .orElseThrow(() -> ResourceNotFoundException.of("topic", name));
    }
}
