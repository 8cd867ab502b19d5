-- Flyway runs this before migrating a PostgreSQL store (it is in the PostgreSQL-only location, never
-- on H2). The migrations in db/migration are shared with H2 and already applied to users' H2
-- databases, so they stay as they are (a change would alter their checksums): the one type they
-- name that PostgreSQL lacks, CLOB, is made here as a domain over text.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE t.typname = 'clob' AND n.nspname = current_schema()) THEN
        CREATE DOMAIN clob AS text;
    END IF;
END
$$;
