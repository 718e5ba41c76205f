package io.cloudmq.api.consumergroup;

/** How a group's consumers are handed the messages of one queue. */
public enum DeliveryOrder {
    CONCURRENTLY,
    ORDERLY
}
