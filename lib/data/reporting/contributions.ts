import "server-only";
// A partner agency's contribution to an activity's update: a note in each content language (and
// evidence, lib/data/reporting/evidence.ts). Written by that agency's focal points on the update
// the lead agency started; a partner never creates the update itself. One per agency and update,
// caught by its version like the update.
import type { Prisma } from "@/generated/prisma/client";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { toTexts, type Texts } from "@/lib/domain/texts";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { periodAcceptsReports, periodSelect, todayOf } from "./shared";

export type ContributionTarget = { updateId: string } | { activityId: string; periodId: string };

/**
 * Saves the caller's agency's note on the update, over the version the form was loaded with
 * (null: it had none yet). Refused unless the caller is a focal point of a partner agency of the
 * activity, the update exists ("the lead agency has not started this period's update" otherwise),
 * it is not approved, and the period accepts reports.
 */
export async function saveContribution(
  ctx: TenantContext,
  target: ContributionTarget,
  note: Texts,
  version: number | null,
  opts: { today?: Date } = {},
): Promise<{ id: string; version: number; updateId: string }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.report", async (tx, audit) => {
    const update = await tx.progressUpdate.findFirst({
      where:
        "updateId" in target
          ? { id: target.updateId, tenantId: ctx.tenant.id }
          : { tenantId: ctx.tenant.id, activityId: target.activityId, periodId: target.periodId },
      select: {
        id: true,
        status: true,
        activity: { select: { id: true, leadAgencyId: true, partners: { select: { agencyId: true } } } },
        period: { select: periodSelect },
      },
    });
    if (!update) {
      if ("updateId" in target) throw new NotFoundError("update");
      // The activity and period must be this tenant's before saying anything about them.
      const activity = await tx.activity.findFirst({
        where: { id: target.activityId, tenantId: ctx.tenant.id, archivedAt: null },
        select: { id: true },
      });
      if (!activity) throw new NotFoundError("activity");
      throw new RuleError("progress.contribution.noUpdate");
    }
    const agencyId = ctx.agencyId;
    const activity = update.activity;
    const isPartner =
      ctx.role === "FOCAL_POINT" &&
      agencyId !== null &&
      agencyId !== activity.leadAgencyId &&
      activity.partners.some((p) => p.agencyId === agencyId);
    if (!isPartner || !agencyId) throw new ForbiddenError("progress.contribute");
    if (update.status === "APPROVED")
      throw new RuleError("progress.refused.notAllowedInState", {}, { status: update.status });
    const window = await periodAcceptsReports(tx, ctx.tenant.id, update.period, activity, today);
    if (!window.accepts) throw new RuleError("progress.refused.periodLocked");

    const clean = toTexts(note);
    const existing = await tx.updateContribution.findFirst({
      where: { tenantId: ctx.tenant.id, updateId: update.id, agencyId },
      select: { id: true, version: true, note: true },
    });
    if ((existing?.version ?? null) !== version)
      throw new ConflictError(existing ? { version: existing.version, note: toTexts(existing.note) } : {});
    let saved: { id: string; version: number };
    if (!existing) {
      saved = await tx.updateContribution.create({
        data: {
          tenantId: ctx.tenant.id,
          updateId: update.id,
          agencyId,
          authorId: ctx.user.id,
          note: clean as Prisma.InputJsonObject,
        },
        select: { id: true, version: true },
      });
    } else {
      const { count } = await tx.updateContribution.updateMany({
        where: { id: existing.id, tenantId: ctx.tenant.id, version: existing.version },
        data: { note: clean as Prisma.InputJsonObject, authorId: ctx.user.id, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError({ version: existing.version, note: toTexts(existing.note) });
      saved = { id: existing.id, version: existing.version + 1 };
    }
    await audit({
      action: "contribution.saved",
      entityType: "UpdateContribution",
      entityId: saved.id,
      activityId: activity.id,
      after: { activityId: activity.id, agencyId, note: clean },
    });
    return { ...saved, updateId: update.id };
  });
}
