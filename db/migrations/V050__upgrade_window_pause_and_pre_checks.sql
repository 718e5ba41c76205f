-- Upgrade windows can be PAUSED (operator, overrun deadline or an unplanned node loss) and resumed; a paused
-- window still locks its cluster and still takes part in the overlap check.
ALTER TABLE upgrade_windows DROP CONSTRAINT ck_upgrade_windows_state;
ALTER TABLE upgrade_windows ADD CONSTRAINT ck_upgrade_windows_state
    CHECK (state IN ('SCHEDULED', 'IN_PROGRESS', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'));
ALTER TABLE upgrade_windows DROP CONSTRAINT ex_upgrade_windows_overlap;
ALTER TABLE upgrade_windows ADD CONSTRAINT ex_upgrade_windows_overlap EXCLUDE USING gist (
    cluster_id WITH =,
    tstzrange(starts_at, ends_at) WITH &&
) WHERE (state IN ('SCHEDULED', 'IN_PROGRESS', 'PAUSED'));

-- The latest pre-check (go/no-go with reasons) of a window, kept with the window.
CREATE TABLE upgrade_pre_checks (
    window_id   uuid         NOT NULL,
    checked_at  timestamptz  NOT NULL,
    go          boolean      NOT NULL,
    CONSTRAINT pk_upgrade_pre_checks PRIMARY KEY (window_id),
    CONSTRAINT fk_upgrade_pre_checks_windows FOREIGN KEY (window_id) REFERENCES upgrade_windows (id)
);

CREATE TABLE upgrade_pre_check_items (
    window_id  uuid          NOT NULL,
    position   integer       NOT NULL,
    name       varchar(64)   NOT NULL,
    passed     boolean       NOT NULL,
    detail     varchar(1000) NOT NULL,
    CONSTRAINT pk_upgrade_pre_check_items PRIMARY KEY (window_id, position),
    CONSTRAINT fk_upgrade_pre_check_items_checks FOREIGN KEY (window_id) REFERENCES upgrade_pre_checks (window_id)
        ON DELETE CASCADE
);
