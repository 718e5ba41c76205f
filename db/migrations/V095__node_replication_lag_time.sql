-- A slave's lag in time next to its lag in bytes (V070): milliseconds since it last held its master's reported
-- end, 0 on a master. NULL exactly when the other replication figures are; rows read before this column count
-- as caught up until the next check.
ALTER TABLE nodes
    ADD COLUMN lag_millis bigint;

UPDATE nodes SET lag_millis = 0 WHERE replication_role IS NOT NULL;

ALTER TABLE nodes
    ADD CONSTRAINT ck_nodes_replication_lag_millis CHECK ((replication_role IS NULL) = (lag_millis IS NULL));
