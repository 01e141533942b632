-- Who holds a job's lease. Every worker (one per `serve` process) records itself as an owner with a heartbeat; a
-- running job names its owner. At start a worker takes back at once the leases of owners that are gone (their
-- process no longer exists, or their heartbeat stopped), instead of waiting for the leases to run out, and leaves
-- alone those of a live process sharing the data dir. Leases that predate this migration have no owner and run
-- out as before.
CREATE TABLE queue_owners (
  id              TEXT PRIMARY KEY,       -- host/pid/random: unique per process start
  host            TEXT NOT NULL,          -- hostname and pid namespace: pids are comparable only within one
  pid             INTEGER NOT NULL,
  process_started REAL NOT NULL,          -- epoch ms when the process started: tells a reused pid apart
  started_at      INTEGER NOT NULL,       -- epoch ms, by the worker's clock
  heartbeat_at    INTEGER NOT NULL,       -- epoch ms of the last lease renewal
  stopped_at      INTEGER                 -- set on a clean stop or once found gone
);

ALTER TABLE jobs ADD COLUMN owner TEXT;   -- queue_owners.id of the worker holding a running job's lease
CREATE INDEX jobs_running_owner ON jobs (owner) WHERE state = 'running';
