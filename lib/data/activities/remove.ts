import "server-only";
// Taking an activity off the plan: archived (kept with its code and history) or, while nothing
// has happened to it yet, deleted.
import { RuleError, NotFoundError } from "@/lib/domain/errors";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";
import { indicatorSelect, toIndicatorForEdit } from "../indicators";
import { requireEditablePlan } from "../plan-guards";
import { activitySelect, hasHistory, toSnapshot } from "./shared";

async function findForRemoval(tx: Tx, ctx: TenantContext, id: string) {
  const row = await tx.activity.findFirst({
    where: { id, tenantId: ctx.tenant.id },
    select: { ...activitySelect, indicators: { select: { id: true } } },
  });
  if (!row) throw new NotFoundError("activity");
  await requireEditablePlan(tx, ctx, row.planId);
  return row;
}

/** Archiving keeps the activity, its code and its history; restoring brings it back to the plan. */
export async function setActivityArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const row = await findForRemoval(tx, ctx, id);
    if (Boolean(row.archivedAt) === archived) return;
    await tx.activity.updateMany({
      where: { id, tenantId: ctx.tenant.id },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    await audit({
      action: archived ? "activity.archived" : "activity.restored",
      entityType: "Activity",
      entityId: id,
      before: { archived: !archived },
      after: { archived },
    });
  });
}

/** Only an activity without history may disappear; one with history must be archived instead. */
export async function deleteActivity(ctx: TenantContext, id: string): Promise<{ planId: string }> {
  return withTenant(ctx, "plans.manage", async (tx, audit) => {
    const row = await findForRemoval(tx, ctx, id);
    if (
      await hasHistory(
        tx,
        ctx,
        id,
        row.indicators.map((i) => i.id),
      )
    )
      throw new RuleError("activityForm.hasHistory");
    // The indicators go with the activity (a cascade): the event lists them, and each indicator's
    // own history ends with its deletion, so nothing disappears without a trace.
    const indicators = await tx.indicator.findMany({
      where: { tenantId: ctx.tenant.id, activityId: id },
      select: indicatorSelect,
      orderBy: { position: "asc" },
    });
    const removed = indicators.map(toIndicatorForEdit);
    await audit({
      action: "activity.deleted",
      entityType: "Activity",
      entityId: id,
      before: { ...toSnapshot(row), indicators: removed },
    });
    for (const indicator of removed) {
      await audit({
        action: "indicator.deleted",
        entityType: "Indicator",
        entityId: indicator.id,
        before: { activityId: id, ...indicator },
      });
    }
    await tx.activity.deleteMany({ where: { id, tenantId: ctx.tenant.id } });
    return { planId: row.planId };
  });
}
