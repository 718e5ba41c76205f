-- Planned master switches of broker groups (POST .../broker-groups/{name}/switchover): the master drains,
-- its slave is promoted under a new epoch, the old master rejoins as slave. At most one job per group is
-- not terminal (SUCCEEDED, FAILED).
CREATE TABLE switchover_jobs (
    id           uuid         NOT NULL,
    cluster_id   varchar(32)  NOT NULL,
    broker_name  varchar(64)  NOT NULL,
    from_node_id varchar(64)  NOT NULL,
    to_node_id   varchar(64)  NOT NULL,
    state        varchar(16)  NOT NULL,
    epoch        bigint,
    detail       varchar(500),
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    CONSTRAINT pk_switchover_jobs PRIMARY KEY (id),
    CONSTRAINT ck_switchover_jobs_state
        CHECK (state IN ('PENDING', 'DRAINING', 'PROMOTING', 'REJOINING', 'SUCCEEDED', 'FAILED'))
);
CREATE UNIQUE INDEX ux_switchover_jobs_active ON switchover_jobs (cluster_id, broker_name)
    WHERE state NOT IN ('SUCCEEDED', 'FAILED');
