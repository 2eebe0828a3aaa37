-- Ledgerline's billing database on PostgreSQL, with the same two roles as billing-database.sql:
--
--   app_role      the recorder, the miner and the server: SELECT, INSERT, UPDATE, DELETE on the
--                 tables and use of their sequences; cannot create, alter or drop anything.
--   migrate_role  `ledgerline migrate` only: owns the database's `ledgerline` schema and so every
--                 table the migrations create in it.
--
-- Run it with psql as a superuser (or a role with CREATEDB and CREATEROLE), giving the names and
-- passwords as variables (nothing secret is stored in this file):
--
--   psql -h <server> -U postgres -v ON_ERROR_STOP=1 -f infra/sql/billing-database.postgres.sql \
--     -v database=ledgerline -v app_role=ledgerline_app -v app_password='<a strong password>' \
--     -v migrate_role=ledgerline_migrate -v migrate_password='<another strong password>'
--
-- Both roles find the tables through their search_path (the `ledgerline` schema). Then:
--   ledgerline migrate --db postgres://ledgerline_migrate:<password>@<server>/ledgerline
--   LEDGERLINE_DB_URL=postgres://ledgerline_app:<password>@<server>/ledgerline
--
-- The script is idempotent: running it again creates what is missing and re-grants.

\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'app_role', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_role') \gexec
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'migrate_role', :'migrate_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'migrate_role') \gexec
SELECT format('CREATE DATABASE %I', :'database')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec

REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app_role";
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"migrate_role";

\connect :"database"

CREATE SCHEMA IF NOT EXISTS ledgerline AUTHORIZATION :"migrate_role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA ledgerline TO :"app_role";
ALTER ROLE :"app_role" IN DATABASE :"database" SET search_path = ledgerline;
ALTER ROLE :"migrate_role" IN DATABASE :"database" SET search_path = ledgerline;

-- What the migrations create from now on, and what they created before (a re-run after an upgrade).
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrate_role" IN SCHEMA ledgerline
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES FOR ROLE :"migrate_role" IN SCHEMA ledgerline
  GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ledgerline TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ledgerline TO :"app_role";
