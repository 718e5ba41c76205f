-- Issue 8: the canary's figures survive the replica that runs it, so any replica reports them.
-- One row per cluster, canary run and 10-second bucket of send time; a message's later outcomes (received,
-- duplicated, lost) update the bucket of its send. Rows older than 30 days are purged.
CREATE TABLE canary_buckets (
    cluster_id          varchar(32)        NOT NULL,
    run_id              varchar(64)        NOT NULL,
    bucket_start        timestamptz        NOT NULL,
    sent                bigint             NOT NULL,
    acknowledged        bigint             NOT NULL,
    failed              bigint             NOT NULL,
    received            bigint             NOT NULL,
    duplicated          bigint             NOT NULL,
    lost                bigint             NOT NULL,
    send_latencies_ms   double precision[] NOT NULL,
    CONSTRAINT pk_canary_buckets PRIMARY KEY (cluster_id, bucket_start, run_id),
    CONSTRAINT fk_canary_buckets_clusters FOREIGN KEY (cluster_id) REFERENCES clusters (id) ON DELETE CASCADE
);

CREATE INDEX ix_canary_buckets_bucket_start ON canary_buckets (bucket_start);
