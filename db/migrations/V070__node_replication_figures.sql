-- A broker's replication figures from the health monitor's latest GET /admin/v1/replication (role, epoch,
-- end and confirmed offsets, lag, in-sync flag, when read). All NULL for a name server and for a broker
-- that has not answered a replication check yet; kept when a later check fails, with their read time.
ALTER TABLE nodes
    ADD COLUMN replication_role       varchar(16),
    ADD COLUMN replication_epoch      bigint,
    ADD COLUMN end_offset             bigint,
    ADD COLUMN confirmed_offset       bigint,
    ADD COLUMN lag_bytes              bigint,
    ADD COLUMN in_sync                boolean,
    ADD COLUMN replication_checked_at timestamptz,
    ADD CONSTRAINT ck_nodes_replication_role
        CHECK (replication_role IN ('ASYNC_MASTER', 'SYNC_MASTER', 'SLAVE')),
    ADD CONSTRAINT ck_nodes_replication_complete
        CHECK ((replication_role IS NULL) = (replication_checked_at IS NULL));
