-- The first figures triggers (20261201171717_dashboards) bumped "Tenant"."figuresVersion" in the
-- statement, which locked the tenant's row in the middle of the transaction (a submission locks
-- the activity then the tenant, an approval the tenant then the activity: a deadlock), and missed
-- a counted column of an update changing without its status, and indicator values. Replaced here.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Plan', 'Section', 'Objective', 'Activity', 'ActivityPartner', 'Indicator', 'ReportingPeriod', 'Agency', 'ProgressUpdate'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_figures_ins', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_figures_upd', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_figures_del', t);
  END LOOP;
END
$$;
DROP FUNCTION IF EXISTS "nap_bump_figures_new"();
DROP FUNCTION IF EXISTS "nap_bump_figures_old"();
DROP FUNCTION IF EXISTS "nap_bump_figures_updates_new"();
DROP FUNCTION IF EXISTS "nap_bump_figures_updates_old"();
DROP FUNCTION IF EXISTS "nap_bump_figures_updates_changed"();

-- The dashboard's figures are cached per tenant under "Tenant"."figuresVersion". These triggers
-- bump it in the transaction of every change the figures count: the plan's structure, activities,
-- partners, indicators, periods and agencies; an update entering or leaving a counted state, or a
-- counted column of an update that is not a draft; an indicator value of such an update. A draft
-- being saved bumps nothing.
--
-- The bump waits for the commit (deferred constraint triggers) and happens once per transaction
-- and tenant (a transaction-local flag): the "Tenant" row is locked last, after every other lock
-- the transaction takes, so two writers of one tenant queue at their commits but never deadlock
-- (one locking an activity then the tenant, the other the tenant then the activity), and a bulk
-- write of thousands of rows updates the tenant once.
CREATE OR REPLACE FUNCTION "nap_bump_figures"(p_tenant_id text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  flag text := 'nap_figures.bumped_' || md5(p_tenant_id);
BEGIN
  IF p_tenant_id IS NULL OR current_setting(flag, true) = 'on' THEN
    RETURN;
  END IF;
  PERFORM set_config(flag, 'on', true);
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1 WHERE id = p_tenant_id;
END
$$;

-- Any row of the structure tables.
CREATE OR REPLACE FUNCTION "nap_bump_figures_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "nap_bump_figures"(OLD."tenantId");
  ELSE
    PERFORM "nap_bump_figures"(NEW."tenantId");
    IF TG_OP = 'UPDATE' AND OLD."tenantId" IS DISTINCT FROM NEW."tenantId" THEN
      PERFORM "nap_bump_figures"(OLD."tenantId");
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- An update: when it is or was counted (not a draft) and something the figures read changed.
CREATE OR REPLACE FUNCTION "nap_bump_figures_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'DRAFT' THEN PERFORM "nap_bump_figures"(NEW."tenantId"); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'DRAFT' THEN PERFORM "nap_bump_figures"(OLD."tenantId"); END IF;
  ELSIF (OLD.status <> 'DRAFT' OR NEW.status <> 'DRAFT')
    AND (OLD.status, OLD."activityStatus", OLD."percentComplete", OLD."submittedAt", OLD."periodId", OLD."activityId")
      IS DISTINCT FROM (NEW.status, NEW."activityStatus", NEW."percentComplete", NEW."submittedAt", NEW."periodId", NEW."activityId") THEN
    PERFORM "nap_bump_figures"(NEW."tenantId");
  END IF;
  RETURN NULL;
END
$$;

-- An indicator value of an update that is not a draft.
CREATE OR REPLACE FUNCTION "nap_bump_figures_value"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  v_row "IndicatorValue";
BEGIN
  IF TG_OP = 'DELETE' THEN v_row := OLD; ELSE v_row := NEW; END IF;
  IF EXISTS (
    SELECT 1 FROM "ProgressUpdate" u
    WHERE u."tenantId" = v_row."tenantId" AND u.id = v_row."progressUpdateId" AND u.status <> 'DRAFT'
  ) THEN
    PERFORM "nap_bump_figures"(v_row."tenantId");
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Plan', 'Section', 'Objective', 'Activity', 'ActivityPartner', 'Indicator', 'ReportingPeriod', 'Agency'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "nap_bump_figures_row"()', t || '_figures', t);
  END LOOP;
END
$$;

CREATE CONSTRAINT TRIGGER "ProgressUpdate_figures" AFTER INSERT OR UPDATE OR DELETE ON "ProgressUpdate"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "nap_bump_figures_update"();
CREATE CONSTRAINT TRIGGER "IndicatorValue_figures" AFTER INSERT OR UPDATE OR DELETE ON "IndicatorValue"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "nap_bump_figures_value"();
