import "server-only";
// What the browse views share: SQL pieces, the row mapping, and the plan a view shows. Query
// counts never depend on the number of rows: lead and partner names come with the rows, counts
// come from GROUP BY. Everything here runs inside the caller's door (it takes its `tx`).
import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { isOverdue } from "@/lib/domain/localized";
import type { ActivityRow, AgencyRef, Localized } from "@/lib/domain/types/activity-browse";
import type { TenantContext } from "../context";
import type { Tx } from "../door";

export const names = (v: unknown): Localized =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Localized) : {};
export const planSelect = {
  id: true,
  title: true,
  titles: true,
  status: true,
  startDate: true,
  endDate: true,
} as const;
export const agencyRefSelect = { id: true, name: true, names: true } as const;
export const toAgency = (a: { id: string; name: string; names: unknown }): AgencyRef => ({
  id: a.id,
  name: a.name,
  names: names(a.names),
});

// ---- SQL pieces. Statements read "Activity" a, scoped by tenant. Conditions on other tables are
// `= ANY(ARRAY(subquery))`: an init plan the database runs once per statement. That keeps plans
// fast without table statistics (the embedded PGlite never runs autovacuum), where joins and
// semi-joins were planned as nested loops running the subquery once per activity. ----
export const LEAD_JOIN = Prisma.sql`LEFT JOIN "Agency" la ON la."tenantId" = a."tenantId" AND la.id = a."leadAgencyId"`;
// Partners come as one JSON array per row, so a page of 100 rows stays one statement.
export const COLUMNS = Prisma.sql`a.id, a.code, a.title, a.titles, a.status::text AS status, a."percentComplete", a."plannedEnd",
  la.id AS "leadId", la.name AS "leadName", la.names AS "leadNames",
  COALESCE((SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name, 'names', pa.names) ORDER BY pa.name)
    FROM "ActivityPartner" ap JOIN "Agency" pa ON pa."tenantId" = ap."tenantId" AND pa.id = ap."agencyId"
    WHERE ap."tenantId" = a."tenantId" AND ap."activityId" = a.id), '[]'::json) AS partners`;
/** Codes in natural order (1.2 < 1.10): numeric parts zero-padded, compared part by part. */
export const NATURAL_CODE = Prisma.sql`ARRAY(SELECT CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, greatest(length(part), 12), '0') ELSE lower(part) END
  FROM unnest(string_to_array(a.code, '.')) WITH ORDINALITY AS c(part, n) ORDER BY n)`;

/** Shown: the activity, its objective and the objective's section are not archived (as on the plan page). */
export function shown(tenantId: string, pillar: string | null = null): Prisma.Sql {
  const byPillar = pillar ? Prisma.sql`AND s.pillar::text = ${pillar}` : Prisma.empty;
  return Prisma.sql`a."tenantId" = ${tenantId} AND a."archivedAt" IS NULL AND a."objectiveId" = ANY(ARRAY(
    SELECT o.id FROM "Objective" o JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"
    WHERE o."tenantId" = ${tenantId} AND o."archivedAt" IS NULL AND s."archivedAt" IS NULL ${byPillar}))`;
}
export const isPartner = (tenantId: string, agencyId: string) =>
  Prisma.sql`a.id = ANY(ARRAY(SELECT ap."activityId" FROM "ActivityPartner" ap WHERE ap."tenantId" = ${tenantId} AND ap."agencyId" = ${agencyId}))`;
export const involves = (tenantId: string, agencyId: string) =>
  Prisma.sql`(a."leadAgencyId" = ${agencyId} OR ${isPartner(tenantId, agencyId)})`;
export const overdueSql = (today: string) =>
  Prisma.sql`(a."plannedEnd" < ${today}::date AND a.status::text NOT IN ('COMPLETED', 'CANCELLED'))`;

export interface RawRow {
  id: string;
  code: string;
  title: string;
  titles: unknown;
  status: ActivityStatus;
  percentComplete: number;
  plannedEnd: Date | null;
  leadId: string | null;
  leadName: string | null;
  leadNames: unknown;
  partners: unknown;
}

export function toRow(r: RawRow, today: Date): ActivityRow {
  const partners = (Array.isArray(r.partners) ? r.partners : []) as { id: string; name: string; names: unknown }[];
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    titles: names(r.titles),
    status: r.status,
    percentComplete: Number(r.percentComplete),
    plannedEnd: r.plannedEnd,
    overdue: isOverdue(r, today),
    leadAgency: r.leadId ? { id: r.leadId, name: r.leadName ?? "", names: names(r.leadNames) } : null,
    partners: partners.map((p) => ({ id: p.id, name: p.name, names: names(p.names) })),
  };
}

/** The tenant's plans, newest first; the requested one if it is theirs, else the active one, else the newest. */
export async function resolvePlan(tx: Tx, ctx: TenantContext, requested: string | null) {
  const plans = (
    await tx.plan.findMany({
      where: { tenantId: ctx.tenant.id, archivedAt: null },
      select: planSelect,
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
    })
  ).map((p) => ({ ...p, titles: names(p.titles) }));
  const plan = plans.find((p) => p.id === requested) ?? plans.find((p) => p.status === "ACTIVE") ?? plans[0] ?? null;
  return { plans, plan };
}
