-- Hand-written: grants and a function, which Prisma's schema language cannot express.
-- "User" belongs to no tenant and has no row-level security, so the app role could read every
-- person's password hash from any door. It now reads every column of "User" but that one; the
-- hash is read by this function only, called when a password is checked (signing in, changing
-- one's password). Writing a new hash stays allowed. A column added to "User" later needs its own
-- GRANT SELECT here (tests/integration/row-level-security.test.ts fails until it has one).
CREATE OR REPLACE FUNCTION "nap_password_hash"(p_user_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT "passwordHash" FROM "User" WHERE "id" = p_user_id
$$;
REVOKE ALL ON FUNCTION "nap_password_hash"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "nap_password_hash"(text) TO nap_app;

REVOKE SELECT ON "User" FROM nap_app;
GRANT SELECT ("id", "email", "name", "locale", "isPlatformAdmin", "createdAt", "updatedAt", "disabledAt", "passwordChangedAt")
  ON "User" TO nap_app;
