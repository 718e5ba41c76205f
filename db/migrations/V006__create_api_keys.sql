-- Management API keys: token cmq_<key_id>_<secret>; only SHA-256(secret) is stored.
CREATE TABLE api_keys (
    key_id        varchar(16)  NOT NULL,
    name          varchar(64)  NOT NULL,
    role          varchar(16)  NOT NULL,
    secret_sha256 bytea        NOT NULL,
    created_at    timestamptz  NOT NULL,
    CONSTRAINT pk_api_keys PRIMARY KEY (key_id),
    CONSTRAINT ck_api_keys_role CHECK (role IN ('ADMIN', 'READ_ONLY')),
    CONSTRAINT ck_api_keys_secret_sha256 CHECK (octet_length(secret_sha256) = 32)
);
