import "server-only";
// What the report page and the activity page read of an activity's updates.
import { toIsoDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import { allowedActions } from "@/lib/domain/progress";
import { toTexts } from "@/lib/domain/texts";
import type { ReportContext } from "@/lib/domain/types/progress";
import type { TenantContext } from "../../context";
import { withTenant } from "../../door";
import { periodAcceptsReports, periodSelect, requirePeriod, standingOf, todayOf, toPeriodView } from "../shared";

import {
  previousApprovedOf,
  requireActivity,
  seesWork,
  signOffAsked,
  toIndicators,
  toUpdateView,
  updateSelect,
  valuesOf,
} from "./rows";

/**
 * Everything the report page shows for one activity and one period: the period's state, the
 * update (or none yet), the previous approved one, and what this person may do.
 */
export async function getReport(
  ctx: TenantContext,
  activityId: string,
  periodId: string,
  opts: { today?: Date } = {},
): Promise<ReportContext> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "tenant.view", async (tx) => {
    const [activity, period] = await Promise.all([
      requireActivity(tx, ctx, activityId),
      requirePeriod(tx, ctx, periodId),
    ]);
    if (period.planId !== activity.planId) throw new NotFoundError("period");
    const [row, previous, window, membership] = await Promise.all([
      tx.progressUpdate.findFirst({ where: { tenantId: ctx.tenant.id, activityId, periodId }, select: updateSelect }),
      previousApprovedOf(tx, ctx.tenant.id, activityId, period),
      periodAcceptsReports(tx, ctx.tenant.id, period, activity, today),
      ctx.role === "FOCAL_POINT" ? Promise.resolve(ctx.agencyId) : Promise.resolve(null),
    ]);
    const visible = row && (seesWork(ctx) || row.status === "APPROVED") ? row : null;
    const standing = await standingOf(tx, ctx, activity, visible, today);
    const order = activity.indicators.map((i) => i.id);
    const facts = {
      status: visible?.status ?? ("DRAFT" as const),
      agencySignOff: await signOffAsked(tx, ctx),
      periodAcceptsReports: window.accepts,
    };
    const partnerAgencyId =
      membership && activity.partners.some((p) => p.agencyId === membership) && membership !== activity.leadAgencyId
        ? membership
        : null;
    const pv = toPeriodView(period, today);
    return {
      activity: {
        id: activity.id,
        code: activity.code,
        title: toTexts(activity.title),
        planId: activity.planId,
        leadAgencyId: activity.leadAgencyId,
        partnerAgencyIds: activity.partners.map((p) => p.agencyId),
        status: activity.status,
        percentComplete: activity.percentComplete,
      },
      period: {
        id: pv.id,
        label: pv.label,
        startDate: pv.startDate,
        endDate: pv.endDate,
        dueDate: pv.dueDate,
        locksOn: pv.locksOn,
        status: pv.status,
      },
      acceptsReports: window.accepts,
      exceptionUntil: window.exceptionUntil,
      indicators: toIndicators(activity),
      update: visible ? await toUpdateView(tx, ctx.tenant.id, visible, order) : null,
      previousApproved: previous
        ? {
            id: previous.id,
            periodLabel: toTexts(previous.period.label),
            reviewedAt: previous.reviewedAt,
            ...valuesOf(previous, order),
          }
        : null,
      actions: seesWork(ctx) ? allowedActions(facts, standing) : [],
      partnerAgencyId,
      agencySignOff: facts.agencySignOff,
    };
  });
}

/** For the activity page: the periods of its plan that accept reports today, and its update in each. */
export async function reportablePeriods(ctx: TenantContext, activityId: string, opts: { today?: Date } = {}) {
  const today = todayOf(opts.today);
  return withTenant(ctx, "tenant.view", async (tx) => {
    const activity = await requireActivity(tx, ctx, activityId);
    const periods = await tx.reportingPeriod.findMany({
      where: { tenantId: ctx.tenant.id, planId: activity.planId },
      orderBy: { startDate: "asc" },
      select: {
        ...periodSelect,
        updates: {
          where: { activityId },
          select: { id: true, status: true, reviewedAt: true, reviewer: { select: { name: true } } },
        },
      },
    });
    return periods.map((p) => ({
      ...toPeriodView(p, today),
      update: p.updates[0]
        ? {
            id: p.updates[0].id,
            status: p.updates[0].status,
            reviewedAt: p.updates[0].reviewedAt,
            reviewer: p.updates[0].reviewer?.name ?? null,
          }
        : null,
      days: { start: toIsoDay(p.startDate), end: toIsoDay(p.endDate) },
    }));
  });
}
