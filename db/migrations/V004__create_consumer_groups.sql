CREATE TABLE consumer_groups (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    instance_id       varchar(30)  NOT NULL,
    name              varchar(64)  NOT NULL,
    delivery_order    varchar(16)  NOT NULL,
    consumption_mode  varchar(16)  NOT NULL,
    max_retries       integer      NOT NULL,
    remark            varchar(256),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    version           bigint       NOT NULL,
    CONSTRAINT pk_consumer_groups PRIMARY KEY (id),
    CONSTRAINT fk_consumer_groups_instances FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE,
    CONSTRAINT uq_consumer_groups_instance_id_name UNIQUE (instance_id, name),
    CONSTRAINT ck_consumer_groups_name CHECK (name ~ '^[A-Za-z0-9_-]{1,64}$'),
    CONSTRAINT ck_consumer_groups_delivery_order CHECK (delivery_order IN ('CONCURRENTLY', 'ORDERLY')),
    CONSTRAINT ck_consumer_groups_consumption_mode CHECK (consumption_mode IN ('CLUSTERING', 'BROADCASTING')),
    CONSTRAINT ck_consumer_groups_max_retries CHECK (max_retries BETWEEN 0 AND 32)
);
