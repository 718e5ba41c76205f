-- Data-plane nodes known to the control plane: registered by the standalone launcher or, in
-- distributed mode, by the nodes themselves. Health fields are those of the latest successful check.
CREATE TABLE nodes (
    cluster_id       varchar(32)  NOT NULL,
    node_id          varchar(64)  NOT NULL,
    role             varchar(16)  NOT NULL,
    broker_name      varchar(64),
    broker_id        integer,
    admin_url        varchar(255) NOT NULL,
    remoting_address varchar(255) NOT NULL,
    state            varchar(8)   NOT NULL,
    missed_checks    integer      NOT NULL DEFAULT 0,
    version          varchar(64),
    pid              bigint,
    started_at       timestamptz,
    last_seen_at     timestamptz,
    registered_at    timestamptz  NOT NULL,
    CONSTRAINT pk_nodes PRIMARY KEY (cluster_id, node_id),
    CONSTRAINT ck_nodes_role CHECK (role IN ('NAMESRV', 'BROKER')),
    CONSTRAINT ck_nodes_state CHECK (state IN ('UP', 'DOWN')),
    CONSTRAINT ck_nodes_broker CHECK ((role = 'BROKER') = (broker_name IS NOT NULL AND broker_id IS NOT NULL))
);
