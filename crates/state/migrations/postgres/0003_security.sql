-- Security management: users, user groups and their rights, sign-in sessions, API tokens, failed
-- sign-ins (throttling), the audit log, and the lease that keeps two runs of a company apart.
-- Keep in step with migrations/sqlite/0003_security.sql.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    -- An Argon2id PHC string: the password itself is never stored.
    password_hash TEXT    NOT NULL,
    language      TEXT    NOT NULL CHECK (language IN ('en', 'fr')),
    -- JSON array of rights ("configure", "run", "run:<entity>", "resolve", "view", "manage_users").
    rights        JSONB   NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    disabled_at   TIMESTAMPTZ
);

CREATE TABLE user_groups (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    rights     JSONB   NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE group_members (
    group_id BIGINT  NOT NULL REFERENCES user_groups (id) ON DELETE CASCADE,
    user_id  BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);

-- A browser session: only the SHA-256 of its cookie is kept, so the table cannot be replayed.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE api_tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE TABLE login_failures (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username TEXT    NOT NULL,
    at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, id);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT    NOT NULL,
    erp_company TEXT,
    action      TEXT    NOT NULL,
    detail      JSONB   NOT NULL
);

-- Who is running a company's synchronization, until when: two runs of one company never overlap,
-- whichever process or machine starts them.
CREATE TABLE run_leases (
    erp_company TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Who started a run: a user (`ui:marie`, `api:marie`, `cli:marie`), `schedule`, or the operator.
ALTER TABLE sync_runs ADD COLUMN started_by TEXT;
