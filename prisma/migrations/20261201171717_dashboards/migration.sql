-- CreateEnum
CREATE TYPE "IndicatorValueKind" AS ENUM ('CUMULATIVE', 'PER_PERIOD');

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "valueKind" "IndicatorValueKind" NOT NULL DEFAULT 'CUMULATIVE';

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "figuresVersion" INTEGER NOT NULL DEFAULT 0;

-- The dashboard's figures are cached per tenant under "Tenant"."figuresVersion". These triggers
-- bump it in the transaction of every change the figures count: the plan's structure, activities,
-- indicators, periods and agencies, and an update entering or leaving a state that counts
-- (anything but a draft). Statement-level with transition tables, so a bulk write bumps each
-- tenant once, not once per row; a draft being saved bumps nothing.
CREATE OR REPLACE FUNCTION "nap_bump_figures_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1
  WHERE id IN (SELECT DISTINCT "tenantId" FROM changed_rows);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "nap_bump_figures_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1
  WHERE id IN (SELECT DISTINCT "tenantId" FROM gone_rows);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "nap_bump_figures_updates_new"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1
  WHERE id IN (SELECT DISTINCT "tenantId" FROM changed_rows WHERE status <> 'DRAFT');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "nap_bump_figures_updates_old"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1
  WHERE id IN (SELECT DISTINCT "tenantId" FROM gone_rows WHERE status <> 'DRAFT');
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "nap_bump_figures_updates_changed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Tenant" SET "figuresVersion" = "figuresVersion" + 1
  WHERE id IN (
    SELECT DISTINCT n."tenantId" FROM changed_rows n JOIN gone_rows o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status AND (n.status <> 'DRAFT' OR o.status <> 'DRAFT')
  );
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Plan', 'Section', 'Objective', 'Activity', 'ActivityPartner', 'Indicator', 'ReportingPeriod', 'Agency'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_new"()', t || '_figures_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_new"()', t || '_figures_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS gone_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_old"()', t || '_figures_del', t);
  END LOOP;
END
$$;

CREATE TRIGGER "ProgressUpdate_figures_ins" AFTER INSERT ON "ProgressUpdate"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_updates_new"();
CREATE TRIGGER "ProgressUpdate_figures_upd" AFTER UPDATE ON "ProgressUpdate"
  REFERENCING OLD TABLE AS gone_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_updates_changed"();
CREATE TRIGGER "ProgressUpdate_figures_del" AFTER DELETE ON "ProgressUpdate"
  REFERENCING OLD TABLE AS gone_rows FOR EACH STATEMENT EXECUTE FUNCTION "nap_bump_figures_updates_old"();
