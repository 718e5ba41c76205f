-- First successful answer of a POST carrying Idempotency-Key, per API key; replayed for the same key and body.
-- status IS NULL while the first request is still running (a concurrent duplicate is refused with 409).
CREATE TABLE idempotency_records (
    key_id           varchar(16)   NOT NULL,
    idempotency_key  varchar(200)  NOT NULL,
    request_sha256   bytea         NOT NULL,
    status           integer,
    content_type     varchar(100),
    location         varchar(500),
    etag             varchar(100),
    body             bytea,
    created_at       timestamptz   NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (key_id, idempotency_key)
);

CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);
