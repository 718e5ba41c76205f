-- Console sessions: the httpOnly cookie carries a random 256-bit id; only its SHA-256 (hex) is stored.
-- Revoking the API key a session was opened with ends the session (cascade).
CREATE TABLE console_sessions (
    id_sha256   varchar(64)  NOT NULL,
    key_id      varchar(16)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    CONSTRAINT pk_console_sessions PRIMARY KEY (id_sha256),
    CONSTRAINT fk_console_sessions_key FOREIGN KEY (key_id) REFERENCES api_keys (key_id) ON DELETE CASCADE,
    CONSTRAINT ck_console_sessions_id_sha256 CHECK (id_sha256 ~ '^[0-9a-f]{64}$')
);

CREATE INDEX ix_console_sessions_key_id ON console_sessions (key_id);
CREATE INDEX ix_console_sessions_expires_at ON console_sessions (expires_at);
