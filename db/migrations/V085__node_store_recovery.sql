-- How a broker's store was recovered when its process started (GET /admin/v1/health's "recovery"), from the
-- health monitor's latest check: mode NORMAL or CRASH, duration, recovered commit-log offset, whether a torn
-- tail was cut. All NULL for a name server and for a broker that has not reported it yet.
ALTER TABLE nodes
    ADD COLUMN recovery_mode                varchar(16),
    ADD COLUMN recovery_millis              bigint,
    ADD COLUMN recovered_offset             bigint,
    ADD COLUMN recovery_torn_tail_truncated boolean,
    ADD CONSTRAINT ck_nodes_recovery_mode CHECK (recovery_mode IN ('NORMAL', 'CRASH')),
    ADD CONSTRAINT ck_nodes_recovery_complete CHECK (
        (recovery_mode IS NULL) = (recovery_millis IS NULL)
        AND (recovery_mode IS NULL) = (recovered_offset IS NULL)
        AND (recovery_mode IS NULL) = (recovery_torn_tail_truncated IS NULL));
