-- Initial schema of the sync engine's state, SQLite spelling.
-- Keep in step with migrations/postgres/0001_initial.sql: same tables, columns and indexes.
-- Timestamps are TEXT (RFC 3339, written by sqlx), JSON is TEXT, booleans are INTEGER 0/1.

CREATE TABLE pairings (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    erp_company        TEXT    NOT NULL,
    environment_kind   TEXT    NOT NULL CHECK (environment_kind IN ('production', 'sandbox')),
    api_base_url       TEXT    NOT NULL,
    procore_company_id INTEGER NOT NULL,
    created_at         TEXT    NOT NULL,
    unpaired_at        TEXT
);
-- A maestro* company talks to one Procore company at a time; pairing it elsewhere needs an unpair first.
CREATE UNIQUE INDEX pairings_active_erp_company ON pairings (erp_company) WHERE unpaired_at IS NULL;

CREATE TABLE bindings (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    pairing_id         INTEGER NOT NULL REFERENCES pairings (id),
    entity             TEXT    NOT NULL,
    erp_key            TEXT    NOT NULL,
    procore_id         INTEGER NOT NULL,
    erp_hash           TEXT,
    procore_hash       TEXT,
    last_synced_values TEXT    NOT NULL,
    synced_at          TEXT    NOT NULL,
    archived_at        TEXT
);
-- Unique on both sides: the only reliable guard against duplicates made by concurrent creates.
CREATE UNIQUE INDEX bindings_active_erp_key ON bindings (pairing_id, entity, erp_key) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX bindings_active_procore_id ON bindings (pairing_id, entity, procore_id) WHERE archived_at IS NULL;

CREATE TABLE cursors (
    pairing_id  INTEGER NOT NULL REFERENCES pairings (id),
    entity      TEXT    NOT NULL,
    direction   TEXT    NOT NULL CHECK (direction IN ('erp_to_procore', 'procore_to_erp')),
    partition_key TEXT   NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('change_seq', 'updated_at')),
    position    INTEGER NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (pairing_id, entity, direction, partition_key)
);

CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    pairing_id  INTEGER NOT NULL REFERENCES pairings (id),
    started_at  TEXT    NOT NULL,
    finished_at TEXT,
    triggered_by TEXT   NOT NULL CHECK (triggered_by IN ('cli', 'schedule', 'ui')),
    dry_run     INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('in_progress', 'success', 'warning', 'error', 'pending'))
);
CREATE INDEX sync_runs_pairing ON sync_runs (pairing_id, id);

CREATE TABLE record_outcomes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id      INTEGER NOT NULL REFERENCES sync_runs (id),
    entity      TEXT    NOT NULL,
    erp_key     TEXT,
    procore_id  INTEGER,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'update', 'link', 'skip', 'conflict', 'delete_flag')),
    side        TEXT    NOT NULL CHECK (side IN ('erp', 'procore', 'none')),
    status      TEXT    NOT NULL CHECK (status IN ('in_progress', 'success', 'warning', 'error', 'pending')),
    message     TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX record_outcomes_run ON record_outcomes (run_id, entity, status);

CREATE TABLE conflicts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    pairing_id    INTEGER NOT NULL REFERENCES pairings (id),
    entity        TEXT    NOT NULL,
    erp_key       TEXT    NOT NULL,
    procore_id    INTEGER,
    field         TEXT    NOT NULL,
    base_value    TEXT    NOT NULL,
    erp_value     TEXT    NOT NULL,
    procore_value TEXT    NOT NULL,
    detected_at   TEXT    NOT NULL,
    resolved_at   TEXT,
    resolution    TEXT CHECK (resolution IN ('keep_erp', 'keep_procore'))
);
-- At most one open conflict per field of a record: a re-detection refreshes it.
CREATE UNIQUE INDEX conflicts_open_field ON conflicts (pairing_id, entity, erp_key, field) WHERE resolved_at IS NULL;

CREATE TABLE settings (
    erp_company TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (erp_company, name)
);

CREATE TABLE secrets (
    name       TEXT PRIMARY KEY,
    nonce      BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    updated_at TEXT NOT NULL
);
