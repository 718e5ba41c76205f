package io.cloudmq.api.failover;

/** Where a switchover job stands; SUCCEEDED and FAILED are terminal. */
public enum SwitchoverJobState {
    /** Accepted, not started. */
    PENDING,
    /** The master drains: fenced, sends closed, its slave confirmed its end, it leaves and exits. */
    DRAINING,
    /** The slave is promoted under the group's new epoch. */
    PROMOTING,
    /** Waiting for the old master to come back as the new master's slave. */
    REJOINING,
    /** The slave leads and the old master follows it. */
    SUCCEEDED,
    /** The job stopped; {@code detail} says where and whether the old master still leads. */
    FAILED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
