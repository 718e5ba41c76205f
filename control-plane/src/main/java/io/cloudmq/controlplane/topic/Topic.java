package io.cloudmq.controlplane.topic;

import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.api.topic.TopicPlacement;
import io.cloudmq.api.topic.TopicView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** Row of {@code topics}. The message type never changes. Not thread-safe; lives in one transaction. */
@Entity
@Table(name = "topics")
class Topic {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "instance_id")
    private String instanceId = "";

    private String name = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "message_type")
    private MessageType messageType = MessageType.NORMAL;

    @Enumerated(EnumType.STRING)
    private TopicPermission permission = TopicPermission.READ_WRITE;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "broker_groups", columnDefinition = "text[]")
    private List<String> brokerGroups = new ArrayList<>();

    @Column(name = "queues_per_group")
    private int queuesPerGroup;

    private @Nullable String remark;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected Topic() {}

    Topic(String instanceId, String name, MessageType messageType, TopicPermission permission,
            List<String> brokerGroups, int queuesPerGroup, @Nullable String remark, Instant now) {
        this.instanceId = instanceId;
        this.name = name;
        this.messageType = messageType;
        this.permission = permission;
        this.brokerGroups = new ArrayList<>(brokerGroups);
        this.queuesPerGroup = queuesPerGroup;
        this.remark = remark;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changePermission(TopicPermission newPermission, Instant now) {
        this.permission = newPermission;
        this.updatedAt = now;
    }

    void changeQueuesPerGroup(int queues, Instant now) {
        this.queuesPerGroup = queues;
        this.updatedAt = now;
    }

    void changeRemark(String newRemark, Instant now) {
        this.remark = newRemark;
        this.updatedAt = now;
    }

    String name() {
        return name;
    }

    MessageType messageType() {
        return messageType;
    }

    int queuesPerGroup() {
        return queuesPerGroup;
    }

    long version() {
        return version;
    }

    TopicView toView() {
        return new TopicView(instanceId, name, messageType, permission,
                new TopicPlacement(brokerGroups, queuesPerGroup), remark, createdAt, updatedAt, version);
    }
}
