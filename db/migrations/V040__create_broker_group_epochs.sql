-- Leadership of each broker group after failovers: the group's current epoch and which node is its
-- master. A group without a row never failed over (epoch 0, the master it was configured with). Written by
-- the failover watcher in the same transaction as the node registry's broker-id swap; read by the
-- standalone launcher whenever it (re)starts a node, so a deposed master comes back as a slave (fencing).
CREATE TABLE broker_group_epochs (
    cluster_id     varchar(32) NOT NULL,
    broker_name    varchar(64) NOT NULL,
    epoch          bigint      NOT NULL,
    master_node_id varchar(64) NOT NULL,
    changed_at     timestamptz NOT NULL,
    CONSTRAINT pk_broker_group_epochs PRIMARY KEY (cluster_id, broker_name),
    CONSTRAINT ck_broker_group_epochs_epoch CHECK (epoch > 0),
    CONSTRAINT fk_broker_group_epochs_master FOREIGN KEY (cluster_id, master_node_id)
        REFERENCES nodes (cluster_id, node_id)
);
