-- Initial schema of the sync engine's state, PostgreSQL spelling.
-- Keep in step with migrations/sqlite/0001_initial.sql: same tables, columns and indexes.
-- Timestamps are TIMESTAMPTZ, JSON is JSONB, identifiers are BIGINT identities.

CREATE TABLE pairings (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    erp_company        TEXT    NOT NULL,
    environment_kind   TEXT    NOT NULL CHECK (environment_kind IN ('production', 'sandbox')),
    api_base_url       TEXT    NOT NULL,
    procore_company_id BIGINT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    unpaired_at        TIMESTAMPTZ
);
-- A maestro* company talks to one Procore company at a time; pairing it elsewhere needs an unpair first.
CREATE UNIQUE INDEX pairings_active_erp_company ON pairings (erp_company) WHERE unpaired_at IS NULL;

CREATE TABLE bindings (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pairing_id         BIGINT NOT NULL REFERENCES pairings (id),
    entity             TEXT    NOT NULL,
    erp_key            TEXT    NOT NULL,
    procore_id         BIGINT NOT NULL,
    erp_hash           TEXT,
    procore_hash       TEXT,
    last_synced_values JSONB NOT NULL,
    synced_at          TIMESTAMPTZ NOT NULL,
    archived_at        TIMESTAMPTZ
);
-- Unique on both sides: the only reliable guard against duplicates made by concurrent creates.
CREATE UNIQUE INDEX bindings_active_erp_key ON bindings (pairing_id, entity, erp_key) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX bindings_active_procore_id ON bindings (pairing_id, entity, procore_id) WHERE archived_at IS NULL;

CREATE TABLE cursors (
    pairing_id  BIGINT NOT NULL REFERENCES pairings (id),
    entity      TEXT    NOT NULL,
    direction   TEXT    NOT NULL CHECK (direction IN ('erp_to_procore', 'procore_to_erp')),
    partition_key TEXT   NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('change_seq', 'updated_at')),
    position    BIGINT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pairing_id, entity, direction, partition_key)
);

CREATE TABLE sync_runs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pairing_id  BIGINT NOT NULL REFERENCES pairings (id),
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    triggered_by TEXT   NOT NULL CHECK (triggered_by IN ('cli', 'schedule', 'ui')),
    dry_run     BOOLEAN NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('in_progress', 'success', 'warning', 'error', 'pending'))
);
CREATE INDEX sync_runs_pairing ON sync_runs (pairing_id, id);

CREATE TABLE record_outcomes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id      BIGINT NOT NULL REFERENCES sync_runs (id),
    entity      TEXT    NOT NULL,
    erp_key     TEXT,
    procore_id  BIGINT,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'update', 'link', 'skip', 'conflict', 'delete_flag')),
    side        TEXT    NOT NULL CHECK (side IN ('erp', 'procore', 'none')),
    status      TEXT    NOT NULL CHECK (status IN ('in_progress', 'success', 'warning', 'error', 'pending')),
    message     TEXT    NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX record_outcomes_run ON record_outcomes (run_id, entity, status);

CREATE TABLE conflicts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pairing_id    BIGINT NOT NULL REFERENCES pairings (id),
    entity        TEXT    NOT NULL,
    erp_key       TEXT    NOT NULL,
    procore_id    BIGINT,
    field         TEXT    NOT NULL,
    base_value    JSONB NOT NULL,
    erp_value     JSONB NOT NULL,
    procore_value JSONB NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    resolved_at   TIMESTAMPTZ,
    resolution    TEXT CHECK (resolution IN ('keep_erp', 'keep_procore'))
);
-- At most one open conflict per field of a record: a re-detection refreshes it.
CREATE UNIQUE INDEX conflicts_open_field ON conflicts (pairing_id, entity, erp_key, field) WHERE resolved_at IS NULL;

CREATE TABLE settings (
    erp_company TEXT NOT NULL,
    name        TEXT NOT NULL,
    value       JSONB NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (erp_company, name)
);

CREATE TABLE secrets (
    name       TEXT PRIMARY KEY,
    nonce      BYTEA NOT NULL,
    ciphertext BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
