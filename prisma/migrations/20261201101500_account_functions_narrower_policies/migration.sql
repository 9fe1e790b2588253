-- Hand-written: functions and policies, which Prisma's schema language cannot express.

-- A tenant administrator may make (and a reset link may be used) only for someone who belongs to
-- that tenant alone (lib/data/password-resets.ts): that needs the tenants of all the person's
-- memberships, which row-level security rightly hides from a tenant's scope. This function
-- answers that list of ids and nothing else; it runs as its owner in the platform scope (the SET
-- clauses apply to the call only), and only the app role may call it.
CREATE OR REPLACE FUNCTION "nap_membership_tenants"(p_user_id text) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
SET app.platform = 'on'
AS $$
  SELECT coalesce(array_agg("tenantId" ORDER BY "tenantId"), ARRAY[]::text[]) FROM "Membership" WHERE "userId" = p_user_id
$$;

-- Every pending reset link of a person ends when a new one is made (by any tenant's
-- administrator or the platform administrator), when the password changes, and when the person
-- is disabled: links made in another scope are invisible to the caller, so this one narrow
-- function ends them all. It only ever sets revokedAt on unused links.
CREATE OR REPLACE FUNCTION "nap_revoke_password_resets"(p_user_id text) RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
SET app.platform = 'on'
AS $$
  WITH revoked AS (
    UPDATE "PasswordReset" SET "revokedAt" = now()
    WHERE "userId" = p_user_id AND "usedAt" IS NULL AND "revokedAt" IS NULL
    RETURNING 1
  )
  SELECT count(*)::integer FROM revoked
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
