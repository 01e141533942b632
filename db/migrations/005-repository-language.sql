-- GitHub's primary language of a repository (`repository.language`: "Go", "TypeScript", or null when GitHub has not
-- detected one), from webhook payloads, the REST API and the demo. The catalogue filters by it.
ALTER TABLE repositories ADD COLUMN language TEXT;
