-- Desired-state generation per cluster: bumped in the transaction of every change of what the cluster's
-- nodes serve (topics, consumer groups, instance quotas). The bump's row lock is held until commit, so
-- generations are handed out in commit order and a node never receives a change under an older number.
CREATE TABLE desired_state_generations (
    cluster_id  varchar(32)  NOT NULL,
    generation  bigint       NOT NULL,
    CONSTRAINT pk_desired_state_generations PRIMARY KEY (cluster_id),
    CONSTRAINT fk_desired_state_generations_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id),
    CONSTRAINT ck_desired_state_generations_generation CHECK (generation > 0)
);
