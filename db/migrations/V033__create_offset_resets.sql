-- Applied resets of a consumer group's offsets (backtracking). Each queue keeps the offset before the reset,
-- so a reset can be undone; rows older than 7 days are purged.
CREATE TABLE offset_resets (
    id           uuid         NOT NULL,
    instance_id  varchar(30)  NOT NULL,
    group_name   varchar(64)  NOT NULL,
    target       varchar(16)  NOT NULL,
    target_time  timestamptz,
    created_at   timestamptz  NOT NULL,
    undone_at    timestamptz,
    CONSTRAINT pk_offset_resets PRIMARY KEY (id),
    CONSTRAINT fk_offset_resets_instances FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE,
    CONSTRAINT ck_offset_resets_target CHECK (target IN ('TIMESTAMP', 'EARLIEST', 'LATEST')),
    CONSTRAINT ck_offset_resets_target_time CHECK ((target = 'TIMESTAMP') = (target_time IS NOT NULL))
);

CREATE INDEX ix_offset_resets_group ON offset_resets (instance_id, group_name, created_at DESC);
CREATE INDEX ix_offset_resets_created_at ON offset_resets (created_at);

CREATE TABLE offset_reset_queues (
    reset_id         uuid          NOT NULL,
    topic            varchar(64)   NOT NULL,
    broker_name      varchar(64)   NOT NULL,
    queue_id         integer       NOT NULL,
    previous_offset  bigint        NOT NULL,
    new_offset       bigint        NOT NULL,
    CONSTRAINT pk_offset_reset_queues PRIMARY KEY (reset_id, topic, broker_name, queue_id),
    CONSTRAINT fk_offset_reset_queues_resets FOREIGN KEY (reset_id) REFERENCES offset_resets (id) ON DELETE CASCADE
);
