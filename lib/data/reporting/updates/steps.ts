import "server-only";
// The steps after submission: sign-off, approval, return, reopening; approval moves the activity.
import { diffSnapshots } from "@/lib/domain/activity-rules";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import { needsComment, refusal, NEXT_STATUS, type UpdateAction } from "@/lib/domain/progress";
import { toTexts } from "@/lib/domain/texts";
import type { TenantContext } from "../../context";
import { withTenant, type Audit, type Tx } from "../../door";
import { periodAcceptsReports, periodSelect, standingOf, todayOf } from "../shared";

import { conflictOf, refuse, requireActivity, signOffAsked, updateSelect } from "./rows";
import { notifyStep } from "./notify";

export type ReviewAction = Exclude<UpdateAction, "save" | "submit">;

const STEP_AUDIT = {
  signOff: "update.signedOff",
  approve: "update.approved",
  return: "update.returned",
  reopen: "update.reopened",
} as const;

/**
 * Moves a submitted update on: the agency signs it off, a coordinator approves or returns it (with
 * a comment), or reopens an approved one (with a reason). Approval and reopening set the
 * activity's status and percent from its latest approved update.
 */
export async function transitionUpdate(
  ctx: TenantContext,
  args: { updateId: string; version: number; action: ReviewAction; comment?: string | null },
  opts: { today?: Date } = {},
): Promise<{ version: number; status: string }> {
  const today = todayOf(opts.today);
  const comment = args.comment?.trim() || null;
  if (needsComment(args.action) && !comment)
    throw new RuleError("errors.invalidInput", { comment: { key: "progress.refused.commentRequired" } });
  return withTenant(ctx, "progress.report", (tx, audit) => stepTx(tx, ctx, audit, { ...args, comment }, today));
}

/** Several submitted updates approved at once (nothing needing a comment): each checked on its own. */
export async function approveMany(
  ctx: TenantContext,
  items: { updateId: string; version: number }[],
  opts: { today?: Date } = {},
): Promise<{ approved: number }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.review", async (tx, audit) => {
    for (const item of items) await stepTx(tx, ctx, audit, { ...item, action: "approve", comment: null }, today);
    return { approved: items.length };
  });
}

async function stepTx(
  tx: Tx,
  ctx: TenantContext,
  audit: Audit,
  args: { updateId: string; version: number; action: ReviewAction; comment: string | null },
  today: Date,
): Promise<{ version: number; status: string }> {
  const row = await tx.progressUpdate.findFirst({
    where: { id: args.updateId, tenantId: ctx.tenant.id },
    select: { ...updateSelect, period: { select: periodSelect } },
  });
  if (!row) throw new NotFoundError("update");
  const activity = await requireActivity(tx, ctx, row.activityId);
  if (row.version !== args.version) throw conflictOf(row);
  const [standing, agencySignOff, window] = await Promise.all([
    standingOf(tx, ctx, activity, row, today),
    signOffAsked(tx, ctx),
    periodAcceptsReports(tx, ctx.tenant.id, row.period, activity, today),
  ]);
  const facts = { status: row.status, agencySignOff, periodAcceptsReports: window.accepts };
  const why = refusal(args.action, facts, standing);
  if (why) refuse(why, row.status);

  const now = new Date();
  const next = NEXT_STATUS[args.action]!;
  const data =
    args.action === "signOff"
      ? { signedOffAt: now, signedOffById: ctx.user.id }
      : args.action === "approve"
        ? { reviewerId: ctx.user.id, reviewedAt: now, reviewComment: null }
        : { reviewerId: ctx.user.id, reviewedAt: now, reviewComment: args.comment };
  const { count } = await tx.progressUpdate.updateMany({
    where: { id: row.id, tenantId: ctx.tenant.id, version: row.version },
    data: { ...data, status: next, version: { increment: 1 } },
  });
  if (count === 0) throw conflictOf(row);
  await audit({
    action: STEP_AUDIT[args.action],
    entityType: "ProgressUpdate",
    entityId: row.id,
    activityId: row.activityId,
    after: { activityId: row.activityId, periodId: row.periodId },
    reason: args.comment,
  });
  if (args.action === "approve" || args.action === "reopen") await applyApproved(tx, ctx, audit, row.activityId);
  await notifyStep(tx, ctx, args.action, row, activity, args.comment, today);
  return { version: row.version + 1, status: next };
}

/**
 * The activity's status and percent become those of its latest approved update (by the period it
 * reports on): what the plan page, dashboards and reports count. Recorded as an activity change.
 */
async function applyApproved(tx: Tx, ctx: TenantContext, audit: Audit, activityId: string): Promise<void> {
  const latest = await tx.progressUpdate.findFirst({
    where: { tenantId: ctx.tenant.id, activityId, status: "APPROVED" },
    orderBy: [{ period: { endDate: "desc" } }],
    select: { activityStatus: true, percentComplete: true, period: { select: { label: true } } },
  });
  if (!latest) return;
  const activity = await tx.activity.findFirstOrThrow({
    where: { id: activityId, tenantId: ctx.tenant.id },
    select: { status: true, percentComplete: true },
  });
  const before = { status: activity.status, percentComplete: activity.percentComplete };
  const after = { status: latest.activityStatus, percentComplete: latest.percentComplete };
  const diff = diffSnapshots(before, after);
  if (diff.changed.length === 0) return;
  await tx.activity.updateMany({
    where: { id: activityId, tenantId: ctx.tenant.id },
    data: { ...after, version: { increment: 1 } },
  });
  const label = toTexts(latest.period.label);
  await audit({
    action: "activity.updated",
    entityType: "Activity",
    entityId: activityId,
    before: diff.before,
    after: diff.after,
    reason: `approved update: ${label.en ?? Object.values(label)[0] ?? ""}`,
  });
}
