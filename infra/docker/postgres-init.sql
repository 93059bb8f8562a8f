-- Creates one database per service (each service owns its tables in its own database; no
-- service reads another's). Run by the postgres image on its FIRST start only (an empty data
-- volume), from /docker-entrypoint-initdb.d/, with psql as the POSTGRES_USER superuser.
--
-- Idempotent (`\gexec` only creates what is missing), so it can also be replayed by hand:
--   docker compose -f infra/docker/compose.yaml exec -T postgres \
--     psql -U hotline -d postgres -f /docker-entrypoint-initdb.d/10-databases.sql
--
-- The databases of services that have not landed yet (callback, supervision, publicity,
-- analytics) are created too, so adding a service needs no database step.
--
-- Local/compose setup: every service connects as the `hotline` superuser. In production give
-- each service its own role owning only its database, e.g.
--   CREATE ROLE hotline_intake LOGIN PASSWORD '...';
--   ALTER DATABASE hotline_intake OWNER TO hotline_intake;
--   REVOKE CONNECT ON DATABASE hotline_intake FROM PUBLIC;
--   GRANT CONNECT ON DATABASE hotline_intake TO hotline_intake;

\set ON_ERROR_STOP on

SELECT format('CREATE DATABASE %I ENCODING %L TEMPLATE template0', d.name, 'UTF8')
FROM (VALUES
  ('hotline_identity'),
  ('hotline_intake'),
  ('hotline_dispatch'),
  ('hotline_callback'),
  ('hotline_supervision'),
  ('hotline_publicity'),
  ('hotline_analytics')
) AS d(name)
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d.name)
\gexec

-- Nobody but the owner (and superusers) may connect unless granted.
SELECT format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', datname)
FROM pg_database
WHERE datname LIKE 'hotline\_%'
\gexec
