import "server-only";
// Writing an update: save the draft, submit it, carry the last approved one forward.
import { Prisma } from "@/generated/prisma/client";
import { checkStatusPercent } from "@/lib/domain/activity-rules";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { carriedValues, checkIndicatorValue, isReporter, refusal } from "@/lib/domain/progress";
import { toTexts, type Texts } from "@/lib/domain/texts";
import type { IndicatorValueInput, UpdateInput } from "@/lib/domain/types/progress";
import type { TenantContext } from "../../context";
import { withTenant } from "../../door";
import { periodAcceptsReports, requirePeriod, standingOf, todayOf } from "../shared";

import {
  checkValues,
  conflictOf,
  previousApprovedOf,
  refuse,
  requireActivity,
  signOffAsked,
  snapshotOf,
  toIndicators,
  updateSelect,
  valuesOf,
} from "./rows";
import { notifySubmitted } from "./notify";

export interface SaveReportInput {
  activityId: string;
  periodId: string;
  /** The version the form was loaded with; null when it showed no update yet. */
  version: number | null;
  input: UpdateInput;
  /** Submit for review after saving. */
  submit: boolean;
  /** "No change this period": the input was carried from the previous approved update. */
  noChange?: boolean;
}

/**
 * Saves the draft of an activity's update for a period (creating it), and submits it when asked.
 * Refused unless the person may report on the activity and the period accepts reports; a stale
 * version is a ConflictError carrying the saved values, so nothing typed or saved is lost.
 */
export async function saveReport(
  ctx: TenantContext,
  args: SaveReportInput,
  opts: { today?: Date } = {},
): Promise<{ id: string; version: number; status: string }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.report", async (tx, audit) => {
    // One writer at a time per activity: the second of two simultaneous first saves sees the
    // first's row and gets a conflict instead of a unique violation.
    await tx.$queryRaw`SELECT 1 FROM "Activity" WHERE "id" = ${args.activityId} AND "tenantId" = ${ctx.tenant.id} FOR UPDATE`;
    const [activity, period] = await Promise.all([
      requireActivity(tx, ctx, args.activityId),
      requirePeriod(tx, ctx, args.periodId),
    ]);
    if (period.planId !== activity.planId) throw new NotFoundError("period");
    const existing = await tx.progressUpdate.findFirst({
      where: { tenantId: ctx.tenant.id, activityId: activity.id, periodId: period.id },
      select: updateSelect,
    });
    if ((existing?.version ?? null) !== args.version) throw conflictOf(existing);
    const [window, standing, agencySignOff] = await Promise.all([
      periodAcceptsReports(tx, ctx.tenant.id, period, activity, today),
      standingOf(tx, ctx, activity, existing, today),
      signOffAsked(tx, ctx),
    ]);
    const facts = {
      status: existing?.status ?? ("DRAFT" as const),
      agencySignOff,
      periodAcceptsReports: window.accepts,
    };
    const why = refusal(args.submit ? "submit" : "save", facts, standing);
    if (why) refuse(why, facts.status);

    const { errors, stored } = checkValues(toIndicators(activity), args.input.values);
    const story = checkStatusPercent(args.input.activityStatus, args.input.percentComplete);
    if (story) errors.percentComplete = story;
    if (Object.keys(errors).length) throw new RuleError("errors.invalidInput", errors);

    const data = {
      activityStatus: args.input.activityStatus,
      percentComplete: args.input.percentComplete,
      achievements: toTexts(args.input.achievements) as Prisma.InputJsonObject,
      challenges: toTexts(args.input.challenges) as Prisma.InputJsonObject,
      nextSteps: toTexts(args.input.nextSteps) as Prisma.InputJsonObject,
      noChange: Boolean(args.noChange),
      ...(args.submit
        ? {
            status: "SUBMITTED" as const,
            submittedAt: new Date(),
            submittedById: ctx.user.id,
            signedOffAt: null,
            signedOffById: null,
          }
        : {}),
    };
    let id: string;
    if (!existing) {
      const created = await tx.progressUpdate.create({
        data: { tenantId: ctx.tenant.id, activityId: activity.id, periodId: period.id, authorId: ctx.user.id, ...data },
        select: { id: true },
      });
      id = created.id;
    } else {
      const { count } = await tx.progressUpdate.updateMany({
        where: { id: existing.id, tenantId: ctx.tenant.id, version: existing.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw conflictOf(existing);
      id = existing.id;
      await tx.indicatorValue.deleteMany({ where: { tenantId: ctx.tenant.id, progressUpdateId: id } });
    }
    const kept = stored.filter(
      (v) => v.value !== null || v.numerator !== null || v.denominator !== null || v.breakdown || v.note,
    );
    if (kept.length)
      await tx.indicatorValue.createMany({
        data: kept.map((v) => ({
          tenantId: ctx.tenant.id,
          progressUpdateId: id,
          indicatorId: v.indicatorId,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          breakdown: v.breakdown ?? Prisma.DbNull,
          note: v.note,
        })),
      });
    const saved = await tx.progressUpdate.findUniqueOrThrow({ where: { id }, select: updateSelect });
    if (args.submit) {
      await audit({
        action: "update.submitted",
        entityType: "ProgressUpdate",
        entityId: id,
        activityId: activity.id,
        after: snapshotOf(saved),
        reason: args.noChange ? toTexts(args.input.achievements)[firstLanguage(args.input.achievements)] : null,
      });
      await notifySubmitted(tx, ctx, activity, period, id, agencySignOff, today);
    }
    return { id, version: saved.version, status: saved.status };
  });
}

const firstLanguage = (t: Texts) => Object.keys(t)[0] as keyof Texts;

/**
 * "No change this period": the last approved update's status and percent, and its indicators'
 * values as carriedValues() says (totals so far carried, per-period figures not: they would count
 * twice), carried into this period's update with a required note, and submitted.
 */
export async function carryForward(
  ctx: TenantContext,
  args: { activityId: string; periodId: string; version: number | null; note: Texts },
  opts: { today?: Date } = {},
) {
  if (!Object.values(args.note).some((t) => t?.trim()))
    throw new RuleError("errors.invalidInput", { note: { key: "progress.refused.commentRequired" } });
  const { previous, indicators } = await withTenant(ctx, "progress.report", async (tx) => {
    const [period, activity] = await Promise.all([
      requirePeriod(tx, ctx, args.periodId),
      requireActivity(tx, ctx, args.activityId),
    ]);
    return {
      previous: await previousApprovedOf(tx, ctx.tenant.id, activity.id, period),
      indicators: toIndicators(activity),
    };
  });
  if (!previous) throw new RuleError("progress.refused.noApproved");
  const v = valuesOf(previous);
  return saveReport(
    ctx,
    {
      activityId: args.activityId,
      periodId: args.periodId,
      version: args.version,
      submit: true,
      noChange: true,
      input: {
        activityStatus: v.activityStatus,
        percentComplete: v.percentComplete,
        achievements: args.note,
        challenges: {},
        nextSteps: v.nextSteps,
        values: carriedValues(indicators, v.values),
      },
    },
    opts,
  );
}

/**
 * The rules of an update's values and story that can be checked on a form that failed its schema
 * (the fields that parsed): so a refused report says everything at once, also without JavaScript.
 * Nothing for a person who may not report here (the handler, never reached, would refuse them).
 */
export async function reportRuleErrors(
  ctx: TenantContext,
  partial: {
    activityId?: unknown;
    activityStatus?: unknown;
    percentComplete?: unknown;
    values?: unknown;
  },
): Promise<Record<string, MessageRef>> {
  const errors: Record<string, MessageRef> = {};
  if (typeof partial.activityStatus === "string" && typeof partial.percentComplete === "number") {
    const story = checkStatusPercent(partial.activityStatus as UpdateInput["activityStatus"], partial.percentComplete);
    if (story) errors.percentComplete = story;
  }
  if (typeof partial.activityId !== "string" || !Array.isArray(partial.values)) return errors;
  const activityId = partial.activityId;
  const values = partial.values as IndicatorValueInput[];
  const indicators = await withTenant(ctx, "progress.report", async (tx) => {
    const activity = await requireActivity(tx, ctx, activityId);
    const standing = await standingOf(tx, ctx, activity, null, todayOf());
    return isReporter(standing) ? toIndicators(activity) : null;
  }).catch(() => null);
  if (!indicators) return errors;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  values.forEach((v, index) => {
    const indicator = byId.get(v.indicatorId);
    if (indicator) Object.assign(errors, checkIndicatorValue(indicator, v, index).errors);
  });
  return errors;
}
