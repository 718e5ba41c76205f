-- One row per committed desired-state change, written in the change's transaction. The reconciler pushes
-- the cluster's state to its nodes after the commit and marks the row DONE once every node serves its
-- generation; it retries with back-off and gives up (FAILED) after a bounded number of attempts.
CREATE TABLE reconcile_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY,
    cluster_id       varchar(32)   NOT NULL,
    generation       bigint        NOT NULL,
    change           varchar(300)  NOT NULL,
    state            varchar(8)    NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    last_error       varchar(1000),
    next_attempt_at  timestamptz   NOT NULL,
    created_at       timestamptz   NOT NULL,
    completed_at     timestamptz,
    CONSTRAINT pk_reconcile_outbox PRIMARY KEY (id),
    CONSTRAINT fk_reconcile_outbox_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id),
    CONSTRAINT uq_reconcile_outbox_cluster_id_generation UNIQUE (cluster_id, generation),
    CONSTRAINT ck_reconcile_outbox_state CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
    CONSTRAINT ck_reconcile_outbox_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_reconcile_outbox_completed CHECK ((state = 'PENDING') = (completed_at IS NULL))
);

CREATE INDEX ix_reconcile_outbox_pending ON reconcile_outbox (next_attempt_at) WHERE state = 'PENDING';
