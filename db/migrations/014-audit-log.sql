-- The audit log: every privileged action (role grants and revocations, API tokens, projects added or removed,
-- syncs and evaluations asked for, the maturity model, exemptions, organisation corrections, redeliveries) with
-- who, when, on what, and the request id. Append-only: triggers refuse updates and deletes.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,              -- a login, or `cli` for the command line
  action      TEXT NOT NULL,              -- e.g. `role.grant`, `token.create`, `project.add`
  target      TEXT NOT NULL,              -- e.g. `alice`, `cloudtide/nimbus-placement`, `delivery 72d3…`
  detail      TEXT,                       -- JSON: what changed (never a secret)
  request_id  TEXT,                       -- the HTTP request id (null from the CLI)
  via         TEXT NOT NULL CHECK (via IN ('web', 'api', 'cli'))
);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_actor ON audit_log (actor COLLATE NOCASE, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
