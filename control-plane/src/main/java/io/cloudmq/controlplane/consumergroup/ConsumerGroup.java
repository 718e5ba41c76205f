package io.cloudmq.controlplane.consumergroup;

import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumptionMode;
import io.cloudmq.api.consumergroup.DeliveryOrder;
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
import org.jspecify.annotations.Nullable;

/** Row of {@code consumer_groups}. Not thread-safe; lives in one transaction. */
@Entity
@Table(name = "consumer_groups")
class ConsumerGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "instance_id")
    private String instanceId = "";

    private String name = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_order")
    private DeliveryOrder deliveryOrder = DeliveryOrder.CONCURRENTLY;

    @Enumerated(EnumType.STRING)
    @Column(name = "consumption_mode")
    private ConsumptionMode consumptionMode = ConsumptionMode.CLUSTERING;

    @Column(name = "max_retries")
    private int maxRetries;

    private @Nullable String remark;

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    @Version
    private long version;

    protected ConsumerGroup() {}

    ConsumerGroup(String instanceId, String name, DeliveryOrder deliveryOrder, ConsumptionMode consumptionMode,
            int maxRetries, @Nullable String remark, Instant now) {
        this.instanceId = instanceId;
        this.name = name;
        this.deliveryOrder = deliveryOrder;
        this.consumptionMode = consumptionMode;
        this.maxRetries = maxRetries;
        this.remark = remark;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Applies the non-null changes. */
    void change(@Nullable DeliveryOrder newOrder, @Nullable ConsumptionMode newMode, @Nullable Integer newMaxRetries,
            @Nullable String newRemark, Instant now) {
        if (newOrder != null) {
            deliveryOrder = newOrder;
        }
        if (newMode != null) {
            consumptionMode = newMode;
        }
        if (newMaxRetries != null) {
            maxRetries = newMaxRetries;
        }
        if (newRemark != null) {
            remark = newRemark;
        }
        updatedAt = now;
    }

    String name() {
        return name;
    }

    long version() {
        return version;
    }

    ConsumerGroupView toView() {
        return new ConsumerGroupView(
                instanceId, name, deliveryOrder, consumptionMode, maxRetries, remark, createdAt, updatedAt, version);
    }
}
