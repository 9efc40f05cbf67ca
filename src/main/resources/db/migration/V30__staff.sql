-- Staff accounts, their server-side sessions, and who on the staff did what in the audit log.

-- A person who works in the staff console. The password is kept only as an Argon2id hash (with its
-- parameters and salt, in one text). Five wrong passwords in a row lock the account for a while.
CREATE TABLE staff (
    id             bigserial   PRIMARY KEY,
    name           text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('agent', 'manager', 'admin')),
    password_hash  text        NOT NULL,
    language       text        NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh')),   -- the console's language
    demo           boolean     NOT NULL DEFAULT false,    -- made by the demo shop; its password is new at each start
    failed_logins  int         NOT NULL DEFAULT 0,        -- wrong passwords since the last good one
    locked_until   timestamptz,                           -- no login before then
    disabled_at    timestamptz,                           -- `staff disable`: no login, sessions end
    last_login_at  timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_name ON staff (lower(name));

-- A signed-in browser. Only a digest of the cookie's random id is stored, so a copy of this table
-- does not sign anyone in.
CREATE TABLE staff_sessions (
    id_digest    text        PRIMARY KEY,                 -- SHA-256 of the session id, hex
    staff_id     bigint      NOT NULL REFERENCES staff,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);

-- The staff member behind a console action (actor keeps the readable 'staff:NAME').
ALTER TABLE audit_log ADD COLUMN staff_id bigint REFERENCES staff;
CREATE INDEX audit_log_at ON audit_log (at);
