CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Non-terminal windows of one cluster never overlap: the exclusion constraint backs the service's check
-- against concurrent schedules, reschedules and early starts.
CREATE TABLE upgrade_windows (
    id              uuid         NOT NULL,
    cluster_id      varchar(32)  NOT NULL,
    state           varchar(16)  NOT NULL,
    starts_at       timestamptz  NOT NULL,
    ends_at         timestamptz  NOT NULL,
    target_version  varchar(64)  NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    created_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL,
    CONSTRAINT pk_upgrade_windows PRIMARY KEY (id),
    CONSTRAINT fk_upgrade_windows_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id),
    CONSTRAINT ck_upgrade_windows_state
        CHECK (state IN ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT ck_upgrade_windows_duration
        CHECK (ends_at - starts_at BETWEEN interval '15 minutes' AND interval '24 hours'),
    CONSTRAINT ex_upgrade_windows_overlap EXCLUDE USING gist (
        cluster_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (state IN ('SCHEDULED', 'IN_PROGRESS'))
);

CREATE INDEX ix_upgrade_windows_state_starts_at ON upgrade_windows (state, starts_at);
