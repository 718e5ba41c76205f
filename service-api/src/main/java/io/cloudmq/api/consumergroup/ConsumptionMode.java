package io.cloudmq.api.consumergroup;

/** Whether each message goes to one consumer of the group or to every consumer. */
public enum ConsumptionMode {
    CLUSTERING,
    BROADCASTING
}
