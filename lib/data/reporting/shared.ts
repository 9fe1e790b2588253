import "server-only";
// What the reporting data functions share, inside the caller's door: a period with its state,
// the exceptions to its lock that apply to an activity, and who the person is to an activity.
import { startOfUtcDay, toIsoDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import { acceptsReports, exceptionActive, periodStatus, type PeriodStatus } from "@/lib/domain/periods";
import type { Standing } from "@/lib/domain/progress";
import { toTexts, type Texts } from "@/lib/domain/texts";
import type { TenantContext } from "../context";
import type { Tx } from "../door";

export const periodSelect = {
  id: true,
  planId: true,
  label: true,
  startDate: true,
  endDate: true,
  opensOn: true,
  dueDate: true,
  locksOn: true,
  closedAt: true,
  reopenedUntil: true,
  version: true,
} as const;

export interface PeriodRow {
  id: string;
  planId: string;
  label: unknown;
  startDate: Date;
  endDate: Date;
  opensOn: Date;
  dueDate: Date;
  locksOn: Date;
  closedAt: Date | null;
  reopenedUntil: Date | null;
  version: number;
}

/** A period as pages show it: days as "YYYY-MM-DD", its label in each language, its state and why. */
export interface PeriodView {
  id: string;
  planId: string;
  label: Texts;
  startDate: string;
  endDate: string;
  opensOn: string;
  dueDate: string;
  locksOn: string;
  version: number;
  status: PeriodStatus;
}

export function toPeriodView(p: PeriodRow, today: Date): PeriodView {
  return {
    id: p.id,
    planId: p.planId,
    label: toTexts(p.label),
    startDate: toIsoDay(p.startDate),
    endDate: toIsoDay(p.endDate),
    opensOn: toIsoDay(p.opensOn),
    dueDate: toIsoDay(p.dueDate),
    locksOn: toIsoDay(p.locksOn),
    version: p.version,
    status: periodStatus(p, today),
  };
}

/** "Today" for date rules: midnight UTC (tests pass a day of their own). */
export const todayOf = (today?: Date) => startOfUtcDay(today ?? new Date());

/** The exceptions to a period's lock that apply to one activity (itself, or its lead agency). */
export async function exceptionsFor(
  tx: Tx,
  tenantId: string,
  periodId: string,
  activity: { id: string; leadAgencyId: string | null },
) {
  return tx.reportingException.findMany({
    where: {
      tenantId,
      periodId,
      revokedAt: null,
      OR: [{ activityId: activity.id }, ...(activity.leadAgencyId ? [{ agencyId: activity.leadAgencyId }] : [])],
    },
    select: { id: true, until: true, revokedAt: true, agencyId: true, activityId: true, reason: true },
    orderBy: { until: "desc" },
  });
}

/** Whether the activity's updates in this period may change today (its state, or an exception). */
export async function periodAcceptsReports(
  tx: Tx,
  tenantId: string,
  period: PeriodRow,
  activity: { id: string; leadAgencyId: string | null },
  today: Date,
): Promise<{ accepts: boolean; exceptionUntil: string | null }> {
  const exceptions = await exceptionsFor(tx, tenantId, period.id, activity);
  const active = exceptions.find((e) => exceptionActive(e, today));
  return {
    accepts: acceptsReports(period, today, exceptions),
    exceptionUntil: active ? toIsoDay(active.until) : null,
  };
}

/** The period of this tenant, or NotFound. */
export async function requirePeriod(tx: Tx, ctx: TenantContext, periodId: string): Promise<PeriodRow> {
  const period = await tx.reportingPeriod.findFirst({
    where: { id: periodId, tenantId: ctx.tenant.id },
    select: periodSelect,
  });
  if (!period) throw new NotFoundError("period");
  return period;
}

/**
 * Who the person is to an activity: a focal point of its lead agency (by membership, or by an
 * active handover from one), its primary focal point, and whether they submitted the update.
 */
export async function standingOf(
  tx: Tx,
  ctx: TenantContext,
  activity: { leadAgencyId: string | null },
  update: { submittedById: string | null } | null,
  today: Date,
): Promise<Standing> {
  const lead = activity.leadAgencyId;
  let ofLeadAgency = false;
  let primaryOfLeadAgency = false;
  if (lead && ctx.role === "FOCAL_POINT") {
    const [membership, handovers] = await Promise.all([
      tx.membership.findFirst({
        where: { tenantId: ctx.tenant.id, userId: ctx.user.id },
        select: { agencyId: true, primaryFocalPoint: true },
      }),
      tx.handover.findMany({
        where: {
          tenantId: ctx.tenant.id,
          agencyId: lead,
          toUserId: ctx.user.id,
          revokedAt: null,
          until: { gte: today },
        },
        select: { fromUserId: true },
      }),
    ]);
    const own = membership?.agencyId === lead;
    ofLeadAgency = own || handovers.length > 0;
    primaryOfLeadAgency = (own && Boolean(membership?.primaryFocalPoint)) || handovers.length > 0;
    if (own && !primaryOfLeadAgency) {
      // An agency with no primary focal point marked: each of its focal points signs off.
      const primaries = await tx.membership.count({
        where: { tenantId: ctx.tenant.id, agencyId: lead, role: "FOCAL_POINT", primaryFocalPoint: true },
      });
      primaryOfLeadAgency = primaries === 0;
    }
  }
  return {
    role: ctx.role,
    ofLeadAgency,
    primaryOfLeadAgency,
    submittedIt: Boolean(update?.submittedById && update.submittedById === ctx.user.id),
  };
}
