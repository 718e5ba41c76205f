package io.cloudmq.controlplane.failover;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A broker group's current epoch and master, recorded at every failover. */
@Entity
@Table(name = "broker_group_epochs")
class BrokerGroupEpoch {
    @EmbeddedId
    private GroupKey key;

    private long epoch;
    private String masterNodeId;
    private Instant changedAt;

    protected BrokerGroupEpoch() {
        // for JPA
        this.key = new GroupKey("", "");
        this.masterNodeId = "";
        this.changedAt = Instant.EPOCH;
    }

    BrokerGroupEpoch(GroupKey key, long epoch, String masterNodeId, Instant now) {
        this.key = key;
        this.epoch = epoch;
        this.masterNodeId = masterNodeId;
        this.changedAt = now;
    }

    /** Records a promotion; false (nothing changed) unless {@code newEpoch} is newer. */
    boolean promote(String nodeId, long newEpoch, Instant now) {
        if (newEpoch <= epoch) {
            return false;
        }
        this.epoch = newEpoch;
        this.masterNodeId = nodeId;
        this.changedAt = now;
        return true;
    }

    long epoch() {
        return epoch;
    }

    String masterNodeId() {
        return masterNodeId;
    }
}
