-- A cluster hosts instances; the configured cluster is upserted at start by the control plane.
-- Mutations of its instances take FOR SHARE on the row, upgrade-window state changes FOR UPDATE.
CREATE TABLE clusters (
    id                  varchar(32)  NOT NULL,
    max_retention_hours integer      NOT NULL,
    broker_groups       text[]       NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT pk_clusters PRIMARY KEY (id),
    CONSTRAINT ck_clusters_id CHECK (id ~ '^[a-z0-9-]{1,32}$'),
    CONSTRAINT ck_clusters_max_retention_hours CHECK (max_retention_hours > 0)
);
