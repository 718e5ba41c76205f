package io.cloudmq.api.cluster;

/**
 * How a broker group's master acknowledges sends, configured per group in the cluster's configuration
 * ({@code cloudmq.cluster.tier}, {@code cloudmq.cluster.group-roles}); the broker-role names of Apache RocketMQ.
 */
public enum BrokerGroupRole {
    /** Acknowledges a send once a slave confirmed it: no acknowledged message is lost with the master. */
    SYNC_MASTER,
    /** Acknowledges a send after its own write; a slave, if any, follows asynchronously. */
    ASYNC_MASTER
}
