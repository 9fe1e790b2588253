import "server-only";
// Creating and editing an activity: one door each, the checks that read other rows inside it, a
// race on the unique code mapped to the same field error as the check before it.
import {
  ACTIVITY_FIELDS,
  checkActivityConsistency,
  checkActivityDates,
  diffSnapshots,
} from "@/lib/domain/activity-rules";
import { NotFoundError } from "@/lib/domain/errors";
import type { ActivityInput, SaveResult } from "@/lib/domain/types/activities";
import type { IndicatorInput } from "@/lib/domain/types/indicators";
import type { TenantContext } from "../context";
import { saveOverVersion, withTenant, type Tx } from "../door";
import { createIndicatorsTx, indicatorErrors } from "../indicators";
import { requireEditablePlan } from "../plan-guards";
import { reasonErrors, referenceErrors } from "./rules";
import { activitySelect, codeRace, failIf, normalize, period, toData, toSnapshot, type ActivityRow } from "./shared";

async function nextPosition(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<number> {
  const last = await tx.activity.aggregate({
    where: { tenantId: ctx.tenant.id, objectiveId },
    _max: { position: true },
  });
  return (last._max.position ?? 0) + 1;
}

async function setPartners(tx: Tx, ctx: TenantContext, activityId: string, agencyIds: string[]): Promise<void> {
  await tx.activityPartner.deleteMany({ where: { tenantId: ctx.tenant.id, activityId } });
  if (agencyIds.length)
    await tx.activityPartner.createMany({
      data: agencyIds.map((agencyId) => ({ tenantId: ctx.tenant.id, activityId, agencyId })),
    });
}

export async function createActivity(
  ctx: TenantContext,
  planId: string,
  input: ActivityInput & { indicators: IndicatorInput[] },
): Promise<SaveResult> {
  return withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      const s = normalize(input);
      const plan = await requireEditablePlan(tx, ctx, planId);
      // Every rule at once, those across fields and those that read other rows: one answer, no waves.
      failIf({
        ...checkActivityConsistency(s),
        ...Object.assign({}, ...input.indicators.map((i, n) => indicatorErrors(i, `indicators.${n}.`))),
        ...(await referenceErrors(tx, ctx, planId, s)),
      });
      const { id } = await tx.activity.create({
        data: { tenantId: ctx.tenant.id, planId, position: await nextPosition(tx, ctx, s.objectiveId), ...toData(s) },
        select: { id: true },
      });
      await setPartners(tx, ctx, id, s.partnerAgencyIds);
      await audit({ action: "activity.created", entityType: "Activity", entityId: id, after: s });
      await createIndicatorsTx(tx, ctx, audit, id, input.indicators);
      return { id, version: 1, warnings: checkActivityDates(s, period(plan)).warnings };
    },
    codeRace,
  );
}

/**
 * Saves only over the version the form was loaded with. A stale version writes nothing and hands
 * back the saved values and which fields differ from the user's. Re-planning (dates, lead) needs a reason.
 */
export async function updateActivity(
  ctx: TenantContext,
  id: string,
  version: number,
  input: ActivityInput,
  reason: string | null,
): Promise<SaveResult> {
  return withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      const mine = normalize(input);
      const consistency = checkActivityConsistency(mine);
      const row = await tx.activity.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: activitySelect });
      if (!row) throw new NotFoundError("activity");
      const plan = await requireEditablePlan(tx, ctx, row.planId);
      const saved = toSnapshot(row);
      const diff = diffSnapshots(saved, mine, ACTIVITY_FIELDS);
      const warnings = checkActivityDates(mine, period(plan)).warnings;
      // Stale when loaded: the row as loaded. Lost the race between load and write: the row as the winner left it.
      let winner: ActivityRow | null = null;
      const conflict = (loadedRow: ActivityRow) => {
        const now = winner ?? loadedRow;
        const values = toSnapshot(now);
        return { version: now.version, values, changed: diffSnapshots(values, mine, ACTIVITY_FIELDS).changed };
      };
      // A stale version is a conflict whatever it carries; a current one with nothing changed writes nothing.
      if (row.version === version && diff.changed.length === 0) {
        failIf(consistency);
        return { id, version, warnings };
      }
      await saveOverVersion(row, version, conflict, async () => {
        // Every rule at once (a stale version answered first, with the saved values).
        const errors = {
          ...consistency,
          ...reasonErrors(saved, mine, reason),
          ...(await referenceErrors(tx, ctx, row.planId, mine, saved)),
        };
        // A missing reason alone keeps its own message: the form then asks for the why, nothing else.
        failIf(errors, Object.keys(errors).join() === "reason" ? "activityForm.reasonRequired" : undefined);
        const position =
          mine.objectiveId !== saved.objectiveId ? { position: await nextPosition(tx, ctx, mine.objectiveId) } : {};
        const written = await tx.activity.updateMany({
          where: { id, tenantId: ctx.tenant.id, version },
          data: { ...toData(mine), ...position, version: { increment: 1 } },
        });
        // Read committed: a statement after the lost update sees what the winner committed.
        if (written.count === 0)
          winner = await tx.activity.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: activitySelect });
        return written;
      });
      if (diff.changed.includes("partnerAgencyIds")) await setPartners(tx, ctx, id, mine.partnerAgencyIds);
      await audit({
        action: "activity.updated",
        entityType: "Activity",
        entityId: id,
        before: diff.before,
        after: diff.after,
        reason,
      });
      return { id, version: version + 1, warnings };
    },
    codeRace,
  );
}
