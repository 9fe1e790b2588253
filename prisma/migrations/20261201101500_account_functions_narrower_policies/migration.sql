-- Hand-written: functions and policies, which Prisma's schema language cannot express.

-- A tenant administrator may make (and a reset link may be used) only for someone who belongs to
-- that tenant alone (lib/data/password-resets.ts): that needs the tenants of all the person's
-- memberships, which row-level security rightly hides from a tenant's scope. These two functions
-- answer that list of ids, and end all of a person's pending reset links, and nothing else. They
-- run as their owner, who obeys row-level security too (FORCE), so each switches to the platform
-- scope for its one statement and back to the caller's scope before it returns. (A SET clause on
-- the function would be simpler, but PostgreSQL lets only superusers store a custom setting
-- there, and the owner need not be one.) Only the app role may call them.
CREATE OR REPLACE FUNCTION "nap_membership_tenants"(p_user_id text) RETURNS text[]
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.platform', true), 'off');
  result text[];
BEGIN
  PERFORM set_config('app.platform', 'on', true);
  SELECT coalesce(array_agg("tenantId" ORDER BY "tenantId"), ARRAY[]::text[]) INTO result
  FROM "Membership" WHERE "userId" = p_user_id;
  PERFORM set_config('app.platform', caller_scope, true);
  RETURN result;
END
$$;

-- Every pending reset link of a person ends when a new one is made (by any tenant's
-- administrator or the platform administrator), when the password changes, and when the person
-- is disabled: links made in another scope are invisible to the caller, so this one narrow
-- function ends them all. It only ever sets revokedAt on unused links.
CREATE OR REPLACE FUNCTION "nap_revoke_password_resets"(p_user_id text) RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.platform', true), 'off');
  revoked integer;
BEGIN
  PERFORM set_config('app.platform', 'on', true);
  UPDATE "PasswordReset" SET "revokedAt" = now()
  WHERE "userId" = p_user_id AND "usedAt" IS NULL AND "revokedAt" IS NULL;
  GET DIAGNOSTICS revoked = ROW_COUNT;
  PERFORM set_config('app.platform', caller_scope, true);
  RETURN revoked;
END
$$;

REVOKE ALL ON FUNCTION "nap_membership_tenants"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "nap_revoke_password_resets"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "nap_membership_tenants"(text) TO nap_app;
GRANT EXECUTE ON FUNCTION "nap_revoke_password_resets"(text) TO nap_app;

-- A person's own memberships and security events are readable before a tenant is chosen (the
-- tenant chooser, the account page), not from inside another tenant's scope: there the wall
-- shows that tenant's rows only.
DROP POLICY "Membership_own" ON "Membership";
CREATE POLICY "Membership_own" ON "Membership" FOR SELECT
  USING (coalesce(current_setting('app.tenant_id', true), '') = '' AND "userId" = current_setting('app.user_id', true));
DROP POLICY "AuditEvent_security_own" ON "AuditEvent";
CREATE POLICY "AuditEvent_security_own" ON "AuditEvent" FOR SELECT
  USING (
    coalesce(current_setting('app.tenant_id', true), '') = ''
    AND "tenantId" IS NULL AND "entityType" = 'User' AND "entityId" = current_setting('app.user_id', true)
  );
