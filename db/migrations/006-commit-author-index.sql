-- The people signals ask for each author's first and last commit of a repository; this index answers that from
-- the index alone instead of scanning every commit of the repository on each evaluation.
CREATE INDEX commits_by_author ON commits (repository_id, author_email, author_time);
