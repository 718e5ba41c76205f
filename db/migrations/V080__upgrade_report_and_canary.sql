-- Issue 8, report and canary.

-- What the orchestrator reads from a node's serving record around its restart, for the window's report:
-- its broker group, the version it ran, the last request it served before it stopped, the first it served
-- after the restart and how long its writes were fenced (0 for a node that takes no writes).
ALTER TABLE upgrade_node_progress ADD COLUMN broker_name varchar(64);
ALTER TABLE upgrade_node_progress ADD COLUMN from_version varchar(64);
ALTER TABLE upgrade_node_progress ADD COLUMN last_served_at timestamptz;
ALTER TABLE upgrade_node_progress ADD COLUMN first_served_at timestamptz;
ALTER TABLE upgrade_node_progress ADD COLUMN write_fenced_millis bigint;

-- Producer groups registered with a window (observedProducerGroups), in the order given.
CREATE TABLE upgrade_window_producer_groups (
    window_id       uuid          NOT NULL,
    position        integer       NOT NULL,
    instance_id     varchar(30)   NOT NULL,
    producer_group  varchar(255)  NOT NULL,
    CONSTRAINT pk_upgrade_window_producer_groups PRIMARY KEY (window_id, position),
    CONSTRAINT fk_upgrade_window_producer_groups_windows FOREIGN KEY (window_id) REFERENCES upgrade_windows (id)
        ON DELETE CASCADE
);

-- Failed sends of a registered producer group on one broker during a window: the broker's counter as last
-- read, the start of the process it was read from (the counter restarts from 0 with the process) and the
-- failures counted so far.
CREATE TABLE upgrade_producer_group_failures (
    window_id       uuid          NOT NULL,
    node_id         varchar(64)   NOT NULL,
    instance_id     varchar(30)   NOT NULL,
    producer_group  varchar(255)  NOT NULL,
    last_counter    bigint        NOT NULL,
    node_started_at timestamptz,
    failed_sends    bigint        NOT NULL,
    CONSTRAINT pk_upgrade_producer_group_failures PRIMARY KEY (window_id, node_id, instance_id, producer_group),
    CONSTRAINT fk_upgrade_producer_group_failures_windows FOREIGN KEY (window_id) REFERENCES upgrade_windows (id)
);

-- A system instance (the cluster's canary) is hidden from the tenant API; at most one per cluster.
ALTER TABLE instances ADD COLUMN system boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX ux_instances_system_cluster ON instances (cluster_id) WHERE system;
