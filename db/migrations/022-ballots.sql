-- Ballots of the technical review (技术审查): the secretariat opens one on a revision of a proposal with the
-- voters (the review panel) and a closing date; each voter's positions are kept append-only (a new row per change,
-- the latest wins). A ballot is closed by the secretariat (closed_at, closed_by, result) or when closes_at passes.

CREATE TABLE ballots (
  id         INTEGER PRIMARY KEY,
  number     TEXT NOT NULL REFERENCES proposals(number),
  seq        INTEGER NOT NULL,               -- 1, 2 … per proposal
  rev        INTEGER NOT NULL,               -- the revision voted on
  opened_by  TEXT NOT NULL,
  opened_at  TEXT NOT NULL,
  closes_at  TEXT NOT NULL,
  closed_at  TEXT,
  closed_by  TEXT,
  voters     TEXT NOT NULL,                  -- JSON array of logins
  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  result     TEXT,                           -- JSON of the tally and the rule when closed by the secretariat
  UNIQUE (number, seq)
);
-- At most one ballot open per proposal (one that ran out of time is still `open` here until it is closed).
CREATE UNIQUE INDEX ballots_one_open ON ballots (number) WHERE status = 'open';

CREATE TABLE ballot_positions (
  id         INTEGER PRIMARY KEY,
  ballot_id  INTEGER NOT NULL REFERENCES ballots(id),
  voter      TEXT NOT NULL,
  position   TEXT NOT NULL CHECK (position IN ('yes', 'no-objection', 'block', 'abstain', 'recuse')),
  reason     TEXT NOT NULL DEFAULT '',
  clause_ids TEXT NOT NULL DEFAULT '[]',     -- JSON array of clause IDs of the ballot's revision
  at         TEXT NOT NULL
);
CREATE INDEX ballot_positions_ballot ON ballot_positions (ballot_id, voter, id);
CREATE TRIGGER ballot_positions_no_update BEFORE UPDATE ON ballot_positions
BEGIN SELECT RAISE(ABORT, 'ballot positions are append-only'); END;
CREATE TRIGGER ballot_positions_no_delete BEFORE DELETE ON ballot_positions
BEGIN SELECT RAISE(ABORT, 'ballot positions are append-only'); END;
