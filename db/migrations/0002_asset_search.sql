-- Free-text search over asset names must stay fast at 100k+ assets: a trigram GIN index serves
-- ILIKE '%…%', and a GIN index on tags serves exact tag matches. pg_trgm ships with PostgreSQL's
-- contrib modules and with PGlite (loaded as an extension by db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS assets_name_trgm ON assets USING gin (name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS assets_tags_gin ON assets USING gin (tags);
