import "server-only";
import { toTexts } from "@/lib/domain/texts";
import type { PlanChoice, PlanSummary } from "@/lib/domain/types/plans";
import type { TenantContext } from "../context";
import { withTenant } from "../door";

/** The tenant's plans with activity counts, aggregated in SQL (one query for all plans). */
export async function listPlans(ctx: TenantContext, today = new Date()): Promise<PlanSummary[]> {
  const tenantId = ctx.tenant.id;
  const [plans, byStatus, overdue] = await withTenant(ctx, "tenant.view", (tx) =>
    Promise.all([
      tx.plan.findMany({
        where: { tenantId, archivedAt: null },
        select: { id: true, title: true, status: true, startDate: true, endDate: true },
        orderBy: [{ startDate: "desc" }],
      }),
      tx.activity.groupBy({ by: ["planId", "status"], where: { tenantId, archivedAt: null }, _count: { _all: true } }),
      tx.activity.groupBy({
        by: ["planId"],
        where: { tenantId, archivedAt: null, plannedEnd: { lt: today }, status: { notIn: ["COMPLETED", "CANCELLED"] } },
        _count: { _all: true },
      }),
    ]),
  );
  return plans.map((p) => {
    const rows = byStatus.filter((r) => r.planId === p.id);
    return {
      ...p,
      title: toTexts(p.title),
      activities: rows.reduce((n, r) => n + r._count._all, 0),
      completed: rows.find((r) => r.status === "COMPLETED")?._count._all ?? 0,
      overdue: overdue.find((r) => r.planId === p.id)?._count._all ?? 0,
    };
  });
}

/** The tenant's plans a plan may follow (newest first), for the predecessor choice. */
export async function listPlanChoices(ctx: TenantContext): Promise<PlanChoice[]> {
  const plans = await withTenant(ctx, "tenant.view", (tx) =>
    tx.plan.findMany({
      where: { tenantId: ctx.tenant.id, archivedAt: null },
      select: { id: true, title: true },
      orderBy: { startDate: "desc" },
    }),
  );
  return plans.map((p) => ({ ...p, title: toTexts(p.title) }));
}
