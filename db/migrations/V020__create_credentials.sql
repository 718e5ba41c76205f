-- AccessKey/SecretKey pairs of instances. The SecretKey is stored only encrypted (AES-256-GCM under the
-- control plane's master key, the AccessKey as associated data; layout in SecretCipher), because nodes need
-- the plaintext to verify HMAC signatures. Empty topics/groups = every topic/group of the instance.
CREATE TABLE credentials (
    access_key        varchar(20)  NOT NULL,
    instance_id       varchar(30)  NOT NULL,
    role              varchar(8)   NOT NULL,
    topics            text[]       NOT NULL,
    groups            text[]       NOT NULL,
    secret_ciphertext bytea        NOT NULL,
    enabled           boolean      NOT NULL,
    created_at        timestamptz  NOT NULL,
    last_used_at      timestamptz,
    CONSTRAINT pk_credentials PRIMARY KEY (access_key),
    CONSTRAINT fk_credentials_instances FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE,
    CONSTRAINT ck_credentials_access_key CHECK (access_key ~ '^[A-Za-z0-9]{20}$'),
    CONSTRAINT ck_credentials_role CHECK (role IN ('PUB', 'SUB', 'PUB_SUB')),
    CONSTRAINT ck_credentials_secret_ciphertext CHECK (octet_length(secret_ciphertext) = 69)
);

CREATE INDEX ix_credentials_instance_id_access_key ON credentials (instance_id, access_key);

-- One operator credential per cluster (admin request codes need it); created by the control plane at start.
CREATE TABLE operator_credentials (
    cluster_id        varchar(32)  NOT NULL,
    access_key        varchar(20)  NOT NULL,
    secret_ciphertext bytea        NOT NULL,
    created_at        timestamptz  NOT NULL,
    CONSTRAINT pk_operator_credentials PRIMARY KEY (cluster_id),
    CONSTRAINT fk_operator_credentials_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id),
    CONSTRAINT uq_operator_credentials_access_key UNIQUE (access_key),
    CONSTRAINT ck_operator_credentials_access_key CHECK (access_key ~ '^[A-Za-z0-9]{20}$'),
    CONSTRAINT ck_operator_credentials_secret_ciphertext CHECK (octet_length(secret_ciphertext) = 69)
);
