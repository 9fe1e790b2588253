import "server-only";
import { NotFoundError } from "@/lib/domain/errors";
import type { Direction } from "@/lib/validation/plans";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { loadObjective } from "./objectives";
import { loadSection } from "./sections";

// The order of sections, objectives and activities. Positions are not what a form edits, so a
// move keeps the record's version: a rename form open elsewhere still saves.

/** The order of sections, objectives and activities; ties (equal positions) fall back to age, then id. */
export const STRUCTURE_ORDER: ({ position: "asc" } | { createdAt: "asc" } | { id: "asc" })[] = [
  { position: "asc" },
  { createdAt: "asc" },
  { id: "asc" },
];

/** New positions 1..n after moving one row a step; writes only the rows whose position changed. */
async function moveAmong(
  siblings: { id: string; position: number }[],
  id: string,
  direction: Direction,
  write: (id: string, position: number) => Promise<unknown>,
): Promise<{ from: number; to: number } | null> {
  const i = siblings.findIndex((s) => s.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= siblings.length) return null; // already first or last: nothing to do
  const order = [...siblings];
  [order[i], order[j]] = [order[j], order[i]];
  // Positions are renumbered, so rows sharing a position (imports, older data) get a definite order.
  // One after another: a transaction runs on one connection anyway.
  for (const [k, row] of order.entries()) if (row.position !== k + 1) await write(row.id, k + 1);
  return { from: siblings[i].position, to: j + 1 };
}

/** Moves a section one place up or down among the plan's sections. */
export async function moveSection(ctx: TenantContext, sectionId: string, direction: Direction): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const section = await loadSection(tx, ctx, sectionId);
    const where = { tenantId: ctx.tenant.id, planId: section.planId, archivedAt: null };
    const siblings = await tx.section.findMany({
      where,
      select: { id: true, position: true },
      orderBy: STRUCTURE_ORDER,
    });
    const moved = await moveAmong(siblings, sectionId, direction, (id, position) =>
      tx.section.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }),
    );
    if (moved)
      await audit({
        action: "section.moved",
        entityType: "Section",
        entityId: sectionId,
        before: { position: moved.from },
        after: { position: moved.to },
      });
  });
}

/** One place up or down within its section. */
export async function moveObjective(ctx: TenantContext, objectiveId: string, direction: Direction): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const where = { tenantId: ctx.tenant.id, sectionId: objective.sectionId, archivedAt: null };
    const siblings = await tx.objective.findMany({
      where,
      select: { id: true, position: true },
      orderBy: STRUCTURE_ORDER,
    });
    const moved = await moveAmong(siblings, objectiveId, direction, (id, position) =>
      tx.objective.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }),
    );
    if (moved)
      await audit({
        action: "objective.moved",
        entityType: "Objective",
        entityId: objectiveId,
        before: { position: moved.from },
        after: { position: moved.to },
      });
  });
}

/**
 * One place up or down within its objective: only the order of activities lives here (the plan
 * page's controls); the rest is the activity form's. Someone editing the activity's content at
 * the same moment must not be told it changed.
 */
export async function moveActivity(ctx: TenantContext, activityId: string, direction: Direction): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const activity = await tx.activity.findFirst({
      where: { id: activityId, tenantId: ctx.tenant.id, archivedAt: null },
      select: { id: true, planId: true, objectiveId: true },
    });
    if (!activity) throw new NotFoundError("activity");
    await requireEditablePlan(tx, ctx, activity.planId);
    const where = { tenantId: ctx.tenant.id, objectiveId: activity.objectiveId, archivedAt: null };
    const siblings = await tx.activity.findMany({
      where,
      select: { id: true, position: true },
      orderBy: STRUCTURE_ORDER,
    });
    const moved = await moveAmong(siblings, activityId, direction, (id, position) =>
      tx.activity.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }),
    );
    if (moved)
      await audit({
        action: "activity.moved",
        entityType: "Activity",
        entityId: activityId,
        before: { position: moved.from },
        after: { position: moved.to },
      });
  });
}
