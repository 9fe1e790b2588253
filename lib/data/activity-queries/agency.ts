import "server-only";
// An agency's activities across the tenant's plans: a focal point's own, and an agency's page.
import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus, PlanStatus } from "@/generated/prisma/enums";
import { startOfUtcDay, toIsoDay } from "@/lib/domain/day";
import { ACTIVITY_STATUSES, type AgencyPart } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import type {
  AgencyActivityRow,
  AgencyOverview,
  MyActivities,
  QueryOptions,
  StatusCounts,
} from "@/lib/domain/types/activity-browse";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";
import {
  agencyRefSelect,
  columns,
  involves,
  LEAD_JOIN,
  NATURAL_CODE,
  readingOrder,
  overdueSql,
  shown,
  toAgency,
  toRow,
  type RawRow,
} from "./sql";

/** The agency's activities in the tenant's plans that are not archived. */
const agencyWhere = (tenantId: string, agencyId: string) =>
  Prisma.sql`${shown(tenantId)} AND ${involves(tenantId, agencyId)} AND p."archivedAt" IS NULL`;
const PLAN_JOIN = Prisma.sql`JOIN "Plan" p ON p."tenantId" = a."tenantId" AND p.id = a."planId"`;

/** Everything the agency leads or partners in, newest plan first, codes in natural order: one statement. */
async function agencyActivityRows(
  tx: Tx,
  ctx: TenantContext,
  agencyId: string,
  today: Date,
  locale?: string,
): Promise<AgencyActivityRow[]> {
  const tenantId = ctx.tenant.id;
  const rows = await tx.$queryRaw<
    (RawRow & {
      planId: string;
      planTitle: unknown;
      planStatus: PlanStatus;
      role: AgencyPart;
    })[]
  >`
    SELECT ${columns(readingOrder(ctx, locale))}, p.id AS "planId", p.title AS "planTitle", p.status::text AS "planStatus",
      CASE WHEN a."leadAgencyId" = ${agencyId} THEN 'lead' ELSE 'partner' END AS role
    FROM "Activity" a ${PLAN_JOIN} ${LEAD_JOIN}
    WHERE ${agencyWhere(tenantId, agencyId)}
    ORDER BY p."startDate" DESC, p.id, ${NATURAL_CODE}, a.id`;
  return rows.map((r) => ({
    ...toRow(r, today),
    role: r.role,
    plan: { id: r.planId, title: toTexts(r.planTitle), status: r.planStatus },
  }));
}

/** A focal point's activities: those their agency leads or partners in. Other roles have none (agency null). */
export async function listMyActivities(ctx: TenantContext, opts: QueryOptions = {}): Promise<MyActivities> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    if (ctx.role !== "FOCAL_POINT" || !ctx.agencyId) return { agency: null, rows: [] };
    const [agency, rows] = await Promise.all([
      tx.agency.findFirst({ where: { id: ctx.agencyId, tenantId: ctx.tenant.id }, select: agencyRefSelect }),
      agencyActivityRows(tx, ctx, ctx.agencyId, startOfUtcDay(opts.today ?? new Date()), opts.locale),
    ]);
    return agency ? { agency: toAgency(agency), rows } : { agency: null, rows: [] };
  });
}

const emptyCounts = () => Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** An agency of this tenant with everything it leads or partners in; three statements in one door. */
export async function getAgencyOverview(
  ctx: TenantContext,
  agencyId: string,
  opts: QueryOptions = {},
): Promise<AgencyOverview> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    const tenantId = ctx.tenant.id;
    const today = startOfUtcDay(opts.today ?? new Date());
    const [agency, rows, groups] = await Promise.all([
      tx.agency.findFirst({
        where: { id: agencyId, tenantId },
        select: { id: true, name: true, shortName: true, kind: true, archivedAt: true },
      }),
      agencyActivityRows(tx, ctx, agencyId, today, opts.locale),
      // Counted by the database over the same rows the table lists, so the two always agree.
      tx.$queryRaw<{ planId: string; status: ActivityStatus; n: number; overdue: number }[]>`
        SELECT a."planId", a.status::text AS status, count(*)::int AS n, (count(*) FILTER (WHERE ${overdueSql(toIsoDay(today))}))::int AS overdue
        FROM "Activity" a ${PLAN_JOIN} WHERE ${agencyWhere(tenantId, agencyId)} GROUP BY a."planId", a.status`,
    ]);
    if (!agency) throw new NotFoundError("agency");
    const totals = { counts: emptyCounts(), total: 0, overdue: 0 };
    const plans = new Map<string, AgencyOverview["plans"][number]>();
    for (const row of rows) {
      if (!plans.has(row.plan.id))
        plans.set(row.plan.id, { plan: row.plan, counts: emptyCounts(), total: 0, overdue: 0, rows: [] });
      plans.get(row.plan.id)!.rows.push(row);
    }
    for (const g of groups) {
      for (const bucket of [plans.get(g.planId), totals]) {
        if (!bucket) continue;
        bucket.counts[g.status] += Number(g.n);
        bucket.total += Number(g.n);
        bucket.overdue += Number(g.overdue);
      }
    }
    return {
      agency: {
        id: agency.id,
        name: toTexts(agency.name),
        shortName: toTexts(agency.shortName),
        kind: agency.kind,
        archived: Boolean(agency.archivedAt),
      },
      plans: [...plans.values()],
      totals,
    };
  });
}
