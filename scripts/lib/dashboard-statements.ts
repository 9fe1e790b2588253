// The statements (a) of bench:dashboard runs: the dashboard's own, from the lead's module
// lib/data/dashboard/statements (dashboardStatements(ctx, { planId, asOf })), or, ONLY while that
// module is not there, a stand-in list written here, which the benchmark announces loudly.
import { existsSync } from "node:fs";
import path from "node:path";
import { Prisma } from "@/generated/prisma/client";
import type { TenantContext } from "@/lib/data/context";

export type DashboardStatements = (
  ctx: TenantContext,
  args: { planId?: string; asOf?: string },
) => Promise<{ name: string; sql: Prisma.Sql }[]>;

// The lead's module, once merged. A variable specifier, so this compiles before it exists.
export const DASHBOARD_MODULE: string = "@/lib/data/dashboard/statements";

/**
 * FALLBACK, used ONLY while lib/data/dashboard/statements is not there (not merged yet): a
 * stand-in for the dashboard's SQL (status counts, progress and indicators as of a period,
 * reporting by agency, the trend), so the script can be run end to end before the dashboard
 * exists. Its figures are not the dashboard's, and the output says so loudly.
 */
const FALLBACK_STAND_IN_STATEMENTS: DashboardStatements = async (ctx, args) => {
  const t = ctx.tenant.id;
  const plan = args.planId
    ? Prisma.sql`${args.planId}`
    : Prisma.sql`(SELECT id FROM "Plan" WHERE "tenantId" = ${t} AND status = 'ACTIVE' AND "archivedAt" IS NULL
        ORDER BY "startDate" DESC LIMIT 1)`;
  const asOf = args.asOf
    ? Prisma.sql`(SELECT "endDate" FROM "ReportingPeriod" WHERE "tenantId" = ${t} AND id = ${args.asOf})`
    : Prisma.sql`(SELECT max("endDate") FROM "ReportingPeriod" WHERE "tenantId" = ${t} AND "planId" = ${plan}
        AND "endDate" <= current_date)`;
  const activities = Prisma.sql`"Activity" a
    JOIN "Objective" o ON o."tenantId" = a."tenantId" AND o.id = a."objectiveId"
    JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"`;
  const ofPlan = Prisma.sql`a."tenantId" = ${t} AND a."planId" = ${plan} AND a."archivedAt" IS NULL`;
  const approvedUntil = Prisma.sql`u."tenantId" = ${t} AND u.status = 'APPROVED'
    AND rp."endDate" <= ${asOf}`;
  return [
    {
      name: "cache key (figures version)",
      sql: Prisma.sql`SELECT "figuresVersion" FROM "Tenant" WHERE id = ${t}`,
    },
    {
      name: "plan and its periods",
      sql: Prisma.sql`SELECT p.id, p.title, p.status, rp.id AS "periodId", rp.label, rp."endDate"
        FROM "Plan" p LEFT JOIN "ReportingPeriod" rp ON rp."tenantId" = p."tenantId" AND rp."planId" = p.id
        WHERE p."tenantId" = ${t} AND p.id = ${plan} ORDER BY rp."startDate"`,
    },
    {
      name: "activities by pillar and status",
      sql: Prisma.sql`SELECT s.pillar, a.status, count(*)::int AS n,
          count(*) FILTER (WHERE a."plannedEnd" < current_date AND a.status NOT IN ('COMPLETED', 'CANCELLED'))::int AS overdue
        FROM ${activities} WHERE ${ofPlan} GROUP BY s.pillar, a.status`,
    },
    {
      name: "progress as of the period, by pillar",
      sql: Prisma.sql`SELECT s.pillar, count(*)::int AS activities, avg(last."percentComplete") AS percent
        FROM ${activities}
        LEFT JOIN LATERAL (SELECT u."percentComplete" FROM "ProgressUpdate" u
          JOIN "ReportingPeriod" rp ON rp."tenantId" = u."tenantId" AND rp.id = u."periodId"
          WHERE u."activityId" = a.id AND ${approvedUntil} ORDER BY rp."endDate" DESC LIMIT 1) last ON true
        WHERE ${ofPlan} GROUP BY s.pillar`,
    },
    {
      name: "indicators towards target as of the period, by pillar",
      sql: Prisma.sql`WITH vals AS (
          SELECT iv."indicatorId", rp."endDate", iv.value FROM "IndicatorValue" iv
          JOIN "ProgressUpdate" u ON u."tenantId" = iv."tenantId" AND u.id = iv."progressUpdateId"
          JOIN "ReportingPeriod" rp ON rp."tenantId" = u."tenantId" AND rp.id = u."periodId"
          WHERE iv."tenantId" = ${t} AND rp."planId" = ${plan} AND ${approvedUntil}),
        latest AS (SELECT DISTINCT ON ("indicatorId") "indicatorId", value FROM vals ORDER BY "indicatorId", "endDate" DESC),
        total AS (SELECT "indicatorId", sum(value) AS value FROM vals GROUP BY "indicatorId"),
        v AS (
          SELECT s.pillar, i.baseline, i.target, CASE WHEN i."valueKind" = 'CUMULATIVE' THEN l.value ELSE tt.value END AS value
          FROM ${activities}
          JOIN "Indicator" i ON i."tenantId" = a."tenantId" AND i."activityId" = a.id AND i."archivedAt" IS NULL
          LEFT JOIN latest l ON l."indicatorId" = i.id
          LEFT JOIN total tt ON tt."indicatorId" = i.id
          WHERE ${ofPlan})
        SELECT pillar, count(*)::int AS indicators, count(value)::int AS reported,
          avg(LEAST(100, (value - baseline) / NULLIF(target - baseline, 0) * 100)) AS achieved
        FROM v GROUP BY pillar`,
    },
    {
      name: "reporting in the period, by lead agency",
      sql: Prisma.sql`SELECT a."leadAgencyId", ag.name, count(*)::int AS due,
          count(u.id) FILTER (WHERE u.status = 'APPROVED')::int AS approved,
          count(u.id) FILTER (WHERE u.status IN ('SUBMITTED', 'SIGNED_OFF'))::int AS waiting
        FROM ${activities}
        JOIN "Agency" ag ON ag."tenantId" = a."tenantId" AND ag.id = a."leadAgencyId"
        LEFT JOIN "ReportingPeriod" rp ON rp."tenantId" = a."tenantId" AND rp."planId" = a."planId" AND rp."endDate" = ${asOf}
        LEFT JOIN "ProgressUpdate" u ON u."tenantId" = a."tenantId" AND u."activityId" = a.id AND u."periodId" = rp.id
        WHERE ${ofPlan} GROUP BY a."leadAgencyId", ag.name`,
    },
    {
      name: "trend: approved updates and progress per period",
      sql: Prisma.sql`SELECT rp.id, rp."endDate", count(u.id)::int AS approved, avg(u."percentComplete") AS percent
        FROM "ReportingPeriod" rp
        LEFT JOIN "ProgressUpdate" u ON u."tenantId" = rp."tenantId" AND u."periodId" = rp.id AND u.status = 'APPROVED'
        WHERE rp."tenantId" = ${t} AND rp."planId" = ${plan} AND rp."endDate" <= ${asOf}
        GROUP BY rp.id, rp."endDate" ORDER BY rp."endDate"`,
    },
  ];
};

/** The lead's module when its file is there (any error in it is then an error); else the fallback. */
export async function loadDashboardStatements(): Promise<{ fallback: boolean; statements: DashboardStatements }> {
  const dir = path.join(process.cwd(), "lib", "data", "dashboard");
  const files = ["statements.ts", "statements.tsx", path.join("statements", "index.ts")];
  if (!files.some((f) => existsSync(path.join(dir, f))))
    return { fallback: true, statements: FALLBACK_STAND_IN_STATEMENTS };
  const loaded = (await import(DASHBOARD_MODULE)) as { dashboardStatements?: unknown };
  if (typeof loaded.dashboardStatements !== "function")
    throw new Error(`${DASHBOARD_MODULE} has no dashboardStatements function`);
  return { fallback: false, statements: loaded.dashboardStatements as DashboardStatements };
}
