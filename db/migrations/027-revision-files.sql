-- The Word and PDF files of a draft revision (the publication issue): made once in the background after the
-- revision is ready (a revision never changes), kept for the portal's downloads and the static site. A format that
-- could not be made (no Chromium for the PDF) keeps the reason instead of the bytes, so the download says why.

CREATE TABLE revision_files (
  number      TEXT NOT NULL,
  rev         INTEGER NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('docx', 'pdf')),
  bytes       BLOB,                       -- null when it could not be made
  error       TEXT,                       -- JSON of a Message: why it could not be made
  made_at     TEXT NOT NULL,
  PRIMARY KEY (number, rev, format),
  FOREIGN KEY (number, rev) REFERENCES proposal_revisions (number, rev),
  CHECK ((bytes IS NULL) <> (error IS NULL))
);
