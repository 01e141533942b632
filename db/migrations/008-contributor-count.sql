-- Distinct commit authors (mailmapped email) kept on the repository row, refreshed after each fetch, so listing
-- thousands of projects is one query instead of a count per project.
ALTER TABLE repositories ADD COLUMN contributor_count INTEGER;
UPDATE repositories SET contributor_count =
  (SELECT count(DISTINCT author_email) FROM commits WHERE commits.repository_id = repositories.id);
