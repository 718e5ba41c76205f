CREATE TABLE instances (
    id                varchar(30)  NOT NULL,
    name              varchar(64)  NOT NULL,
    description       varchar(256),
    cluster_id        varchar(32)  NOT NULL,
    tier              varchar(16)  NOT NULL,
    max_topics        integer      NOT NULL,
    max_groups        integer      NOT NULL,
    retention_hours   integer      NOT NULL,
    max_message_bytes integer      NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT pk_instances PRIMARY KEY (id),
    CONSTRAINT fk_instances_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id),
    CONSTRAINT ck_instances_id CHECK (id ~ '^MQ_INST_[0-9]{12}_[a-z0-9]{8}$'),
    CONSTRAINT ck_instances_tier CHECK (tier IN ('SINGLE_NODE', 'CLUSTER_HA')),
    CONSTRAINT ck_instances_quotas CHECK (max_topics > 0 AND max_groups > 0 AND retention_hours > 0
        AND max_message_bytes BETWEEN 1 AND 4194304)
);

CREATE INDEX ix_instances_cluster_id ON instances (cluster_id);
