-- Which member projects changed, in order, so the portal's in-memory catalogue re-reads only those rows after a
-- write instead of all of them. Filled by triggers, so no writer can forget it. `repository_id` 0 means "every
-- project" (a domain renamed, a model installed: names and level ranks change for all).
-- The triggers update, then insert when missing: never REPLACE, whose conflict handling an outer UPSERT
-- (maturity_results) would override, and never delete first, which could hand out a sequence number again.
CREATE TABLE catalogue_changes (
  repository_id INTEGER PRIMARY KEY,        -- no foreign key: a deleted row is a change too
  seq           INTEGER NOT NULL            -- grows with every change; the reader asks for seq > the last it saw
);
CREATE INDEX catalogue_changes_seq ON catalogue_changes (seq);

CREATE TRIGGER catalogue_repository_insert AFTER INSERT ON repositories BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = NEW.id;
  INSERT INTO catalogue_changes SELECT NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = NEW.id);
END;

CREATE TRIGGER catalogue_repository_update AFTER UPDATE ON repositories BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = NEW.id;
  INSERT INTO catalogue_changes SELECT NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = NEW.id);
END;
-- A provisional id replaced by GitHub's: the entry under the old id goes away.
CREATE TRIGGER catalogue_repository_adopt AFTER UPDATE OF id ON repositories WHEN OLD.id <> NEW.id BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = OLD.id;
  INSERT INTO catalogue_changes SELECT OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = OLD.id);
END;

CREATE TRIGGER catalogue_repository_delete AFTER DELETE ON repositories BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = OLD.id;
  INSERT INTO catalogue_changes SELECT OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = OLD.id);
END;

CREATE TRIGGER catalogue_result_insert AFTER INSERT ON maturity_results BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = NEW.repository_id;
  INSERT INTO catalogue_changes SELECT NEW.repository_id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = NEW.repository_id);
END;

CREATE TRIGGER catalogue_result_update AFTER UPDATE ON maturity_results BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = NEW.repository_id;
  INSERT INTO catalogue_changes SELECT NEW.repository_id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = NEW.repository_id);
END;

CREATE TRIGGER catalogue_result_delete AFTER DELETE ON maturity_results BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = OLD.repository_id;
  INSERT INTO catalogue_changes SELECT OLD.repository_id, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = OLD.repository_id);
END;

CREATE TRIGGER catalogue_domain_insert AFTER INSERT ON domains BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = 0;
  INSERT INTO catalogue_changes SELECT 0, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = 0);
END;

CREATE TRIGGER catalogue_domain_update AFTER UPDATE ON domains BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = 0;
  INSERT INTO catalogue_changes SELECT 0, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = 0);
END;

CREATE TRIGGER catalogue_domain_delete AFTER DELETE ON domains BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = 0;
  INSERT INTO catalogue_changes SELECT 0, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = 0);
END;

CREATE TRIGGER catalogue_model_insert AFTER INSERT ON maturity_models BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = 0;
  INSERT INTO catalogue_changes SELECT 0, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = 0);
END;

CREATE TRIGGER catalogue_model_update AFTER UPDATE ON maturity_models BEGIN
  UPDATE catalogue_changes SET seq = (SELECT max(seq) + 1 FROM catalogue_changes) WHERE repository_id = 0;
  INSERT INTO catalogue_changes SELECT 0, (SELECT coalesce(max(seq), 0) + 1 FROM catalogue_changes)
    WHERE NOT EXISTS (SELECT 1 FROM catalogue_changes WHERE repository_id = 0);
END;
