import "server-only";
// What the browse views share: SQL pieces, the row mapping, and the plan a view shows. Query
// counts never depend on the number of rows: lead and partner names come with the rows, counts
// come from GROUP BY. Everything here runs inside the caller's door (it takes its `tx`).
import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import { isOverdue } from "@/lib/domain/overdue";
import { toTexts } from "@/lib/domain/texts";
import type { ActivityRow, AgencyRef } from "@/lib/domain/types/activity-browse";
import type { TenantContext } from "../context";
import type { Tx } from "../door";

export const planSelect = {
  id: true,
  title: true,
  status: true,
  startDate: true,
  endDate: true,
} as const;
export const agencyRefSelect = { id: true, name: true } as const;
export const toAgency = (a: { id: string; name: unknown }): AgencyRef => ({ id: a.id, name: toTexts(a.name) });

/** The languages text is shown and sorted in: the reader's first, then the tenant's. */
export const readingOrder = (ctx: TenantContext, locale?: string): string[] => [
  ...new Set([locale ?? ctx.tenant.contentLanguages[0], ...ctx.tenant.contentLanguages]),
];
/**
 * A content map's text in the reading order, lower-cased, for ORDER BY: COALESCE over the
 * languages (maps never hold empty texts), then every text (nap_texts); a plain expression, no
 * function call per row.
 */
export const textKey = (column: Prisma.Sql, order: string[]) =>
  Prisma.sql`lower(COALESCE(${Prisma.join(
    order.map((lang) => Prisma.sql`${column}->>${lang}`),
    ", ",
  )}, nap_texts(${column})))`;

// ---- SQL pieces. Statements read "Activity" a, scoped by tenant. Conditions on other tables are
// `= ANY(ARRAY(subquery))`: an init plan the database runs once per statement. That keeps plans
// fast without table statistics (the embedded PGlite never runs autovacuum), where joins and
// semi-joins were planned as nested loops running the subquery once per activity. ----
export const LEAD_JOIN = Prisma.sql`LEFT JOIN "Agency" la ON la."tenantId" = a."tenantId" AND la.id = a."leadAgencyId"`;
// Partners come as one JSON array per row, so a page of 100 rows stays one statement; they are in
// the order of their names in the reading order (see readingOrder).
export const columns = (
  order: string[],
) => Prisma.sql`a.id, a.code, a.title, a.status::text AS status, a."percentComplete", a."plannedEnd",
  la.id AS "leadId", la.name AS "leadName",
  COALESCE((SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name) ORDER BY ${textKey(Prisma.sql`pa.name`, order)})
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
  title: unknown;
  status: ActivityStatus;
  percentComplete: number;
  plannedEnd: Date | null;
  leadId: string | null;
  leadName: unknown;
  partners: unknown;
}

export function toRow(r: RawRow, today: Date): ActivityRow {
  const partners = (Array.isArray(r.partners) ? r.partners : []) as { id: string; name: unknown }[];
  return {
    id: r.id,
    code: r.code,
    title: toTexts(r.title),
    status: r.status,
    percentComplete: Number(r.percentComplete),
    plannedEnd: r.plannedEnd,
    overdue: isOverdue(r, today),
    leadAgency: r.leadId ? { id: r.leadId, name: toTexts(r.leadName) } : null,
    partners: partners.map(toAgency),
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
  ).map((p) => ({ ...p, title: toTexts(p.title) }));
  const plan = plans.find((p) => p.id === requested) ?? plans.find((p) => p.status === "ACTIVE") ?? plans[0] ?? null;
  return { plans, plan };
}
