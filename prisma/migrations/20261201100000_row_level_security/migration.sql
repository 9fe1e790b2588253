-- Hand-written: Prisma's schema language cannot express roles or policies (the diff ignores them).
-- The second wall behind the data layer's own scoping: row-level security on every table that
-- belongs to a tenant. The app reaches those tables only as the role nap_app (lib/data/door.ts
-- switches to it in every transaction, with SET LOCAL semantics) and tells the database, for that
-- transaction only, whose rows it may touch:
--   app.tenant_id   the tenant of the context (the normal case)
--   app.user_id     the signed-in person (their own memberships and security events)
--   app.token_hash  the sha256 of an invitation or reset token being used
--   app.platform    'on' only in the explicitly named platform door (seed, platform administration)
-- A query that forgets its tenant then returns nothing and writes nothing. FORCE makes the owner
-- obey the policies too; only superusers bypass them, and the app never runs as one.

-- The role the app acts as. On PostgreSQL a deployment logs in as nap_app itself (ALTER ROLE
-- nap_app LOGIN PASSWORD ...) or as a member of it; see docs/security.md.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'nap_app') THEN
    CREATE ROLE nap_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO nap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO nap_app;
DO $$
BEGIN
  -- Absent in a shadow database, which applies the scripts without bookkeeping.
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM nap_app;
  END IF;
END
$$;
-- Tables made by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO nap_app;

-- Every table with a tenantId: its tenant's rows, or everything in the platform door.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'Activity', 'ActivityPartner', 'Agency', 'AuditEvent', 'Indicator', 'IndicatorValue', 'Invitation',
    'Membership', 'Objective', 'PasswordReset', 'Plan', 'ProgressUpdate', 'ReportingPeriod', 'Section'
  ] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING ("tenantId" = current_setting(''app.tenant_id'', true)) WITH CHECK ("tenantId" = current_setting(''app.tenant_id'', true))',
      t || '_tenant', t);
    EXECUTE format(
      'CREATE POLICY %I ON %I USING (current_setting(''app.platform'', true) = ''on'') WITH CHECK (current_setting(''app.platform'', true) = ''on'')',
      t || '_platform', t);
  END LOOP;
END
$$;

-- Before a tenant is chosen: the person's own memberships (the tenant chooser, resolving the
-- tenant of a URL).
CREATE POLICY "Membership_own" ON "Membership" FOR SELECT
  USING ("userId" = current_setting('app.user_id', true));

-- An invitation or a reset link found, and used up, by the hash of its token.
CREATE POLICY "Invitation_token_read" ON "Invitation" FOR SELECT
  USING ("tokenHash" = current_setting('app.token_hash', true));
CREATE POLICY "Invitation_token_use" ON "Invitation" FOR UPDATE
  USING ("tokenHash" = current_setting('app.token_hash', true))
  WITH CHECK ("tokenHash" = current_setting('app.token_hash', true));
CREATE POLICY "PasswordReset_token_read" ON "PasswordReset" FOR SELECT
  USING ("tokenHash" = current_setting('app.token_hash', true));
CREATE POLICY "PasswordReset_token_use" ON "PasswordReset" FOR UPDATE
  USING ("tokenHash" = current_setting('app.token_hash', true))
  WITH CHECK ("tokenHash" = current_setting('app.token_hash', true));

-- Security events belong to no tenant (tenantId NULL): anyone may record one (a failed sign-in
-- has no tenant); the person reads their own; a tenant's administrator those of the tenant's
-- members (the data layer checks the role); the platform door all of them.
CREATE POLICY "AuditEvent_security_write" ON "AuditEvent" FOR INSERT
  WITH CHECK ("tenantId" IS NULL);
CREATE POLICY "AuditEvent_security_own" ON "AuditEvent" FOR SELECT
  USING ("tenantId" IS NULL AND "entityType" = 'User' AND "entityId" = current_setting('app.user_id', true));
CREATE POLICY "AuditEvent_security_members" ON "AuditEvent" FOR SELECT
  USING (
    "tenantId" IS NULL AND "entityType" = 'User' AND EXISTS (
      SELECT 1 FROM "Membership" m
      WHERE m."tenantId" = current_setting('app.tenant_id', true) AND m."userId" = "AuditEvent"."entityId"
    )
  );
