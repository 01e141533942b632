-- Which layout of the Word and PDF files made a stored file (the publication issue): when the layout changes (the
-- PDF's contents now give pages, the tables are numbered), files made by an earlier layout are made again in the
-- background, and served as they are until then. Files stored before this column were made by layout 1.

ALTER TABLE revision_files ADD COLUMN layout INTEGER NOT NULL DEFAULT 1;
