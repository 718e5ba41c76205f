-- Issue 7, roles: the broker groups of a cluster whose masters are ASYNC_MASTERs (cloudmq.cluster.tier and
-- cloudmq.cluster.group-roles, written by the cluster registration at start); every other group of the cluster
-- is a SYNC_MASTER group, as every group was before.
ALTER TABLE clusters ADD COLUMN async_broker_groups text[] NOT NULL DEFAULT '{}';
ALTER TABLE clusters ADD CONSTRAINT ck_clusters_async_broker_groups CHECK (async_broker_groups <@ broker_groups);
