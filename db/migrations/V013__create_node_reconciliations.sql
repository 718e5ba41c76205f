-- Outcome of the latest desired-state push to each node: the generation it answered it serves, the error
-- of the latest failed push and how many pushes failed in a row.
CREATE TABLE node_reconciliations (
    cluster_id          varchar(32)    NOT NULL,
    node_id             varchar(64)    NOT NULL,
    pushed_generation   bigint         NOT NULL,
    applied_generation  bigint,
    last_error          varchar(1000),
    failed_attempts     integer        NOT NULL DEFAULT 0,
    last_attempt_at     timestamptz    NOT NULL,
    applied_at          timestamptz,
    CONSTRAINT pk_node_reconciliations PRIMARY KEY (cluster_id, node_id),
    CONSTRAINT fk_node_reconciliations_nodes FOREIGN KEY (cluster_id, node_id)
        REFERENCES nodes (cluster_id, node_id) ON DELETE CASCADE,
    CONSTRAINT ck_node_reconciliations_failed_attempts CHECK (failed_attempts >= 0)
);
