package io.cloudmq.controlplane.consumption;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Row of {@code offset_reset_queues}: one queue of an applied reset. Not thread-safe; lives in one transaction. */
@Embeddable
class ResetQueue {
    private String topic = "";

    @Column(name = "broker_name")
    private String brokerName = "";

    @Column(name = "queue_id")
    private int queueId;

    @Column(name = "previous_offset")
    private long previousOffset;

    @Column(name = "new_offset")
    private long newOffset;

    protected ResetQueue() {}

    ResetQueue(String topic, String brokerName, int queueId, long previousOffset, long newOffset) {
        this.topic = topic;
        this.brokerName = brokerName;
        this.queueId = queueId;
        this.previousOffset = previousOffset;
        this.newOffset = newOffset;
    }

    PlannedQueue toPlanned() {
        return new PlannedQueue(topic, brokerName, queueId, previousOffset, newOffset);
    }
}
