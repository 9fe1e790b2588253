-- Hand-written: a function, which Prisma's schema language cannot express.
-- A tenant administrator may make a password-reset link only for someone who belongs to their
-- tenant alone (lib/data/password-resets.ts): that needs the number of the person's memberships
-- in all tenants, which row-level security rightly hides from a tenant's scope. This function
-- answers that one number and nothing else; it runs as its owner in the platform scope (the
-- SET clause applies to the call only), and only the app role may call it.
CREATE OR REPLACE FUNCTION "nap_membership_count"(p_user_id text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public
SET app.platform = 'on'
AS $$
  SELECT count(*)::integer FROM "Membership" WHERE "userId" = p_user_id
$$;

REVOKE ALL ON FUNCTION "nap_membership_count"(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "nap_membership_count"(text) TO nap_app;
