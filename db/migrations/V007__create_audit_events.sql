CREATE TABLE audit_events (
    id           uuid          NOT NULL,
    key_id       varchar(16),
    action       varchar(200)  NOT NULL,
    resource     varchar(500)  NOT NULL,
    status       integer       NOT NULL,
    outcome      varchar(16)   NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    CONSTRAINT pk_audit_events PRIMARY KEY (id),
    CONSTRAINT ck_audit_events_outcome CHECK (outcome IN ('SUCCEEDED', 'REFUSED', 'FAILED'))
);
