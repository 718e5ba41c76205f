-- Why the orchestrator (or an operator) paused a window: OVERRAN, a failed gate, an unplanned node loss, a
-- no-go pre-check. Cleared when the window resumes.
ALTER TABLE upgrade_windows ADD COLUMN pause_reason varchar(1000);

-- Per-node progress of an upgrade window: the last step completed on the node. A resume continues from here.
CREATE TABLE upgrade_node_progress (
    window_id         uuid          NOT NULL,
    node_id           varchar(64)   NOT NULL,
    phase             varchar(16)   NOT NULL,
    started_at        timestamptz   NOT NULL,
    phase_started_at  timestamptz   NOT NULL,
    finished_at       timestamptz,
    detail            varchar(1000) NOT NULL,
    CONSTRAINT pk_upgrade_node_progress PRIMARY KEY (window_id, node_id),
    CONSTRAINT fk_upgrade_node_progress_windows FOREIGN KEY (window_id) REFERENCES upgrade_windows (id),
    CONSTRAINT ck_upgrade_node_progress_phase CHECK (phase IN ('FENCED', 'DRAINED', 'RESTARTED', 'DONE'))
);
