import "server-only";
// Exceptions to a period's lock: a coordinator opens a period again for one agency or one
// activity until a day, with a reason. Audited, visible to every member, and expiring on their
// own (lib/domain/periods.ts acceptsReports reads `until`). The agency's focal points are told in
// the same transaction.
import { compareCodes } from "@/lib/domain/codes";
import { parseIsoDay, toIsoDay } from "@/lib/domain/day";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { exceptionActive } from "@/lib/domain/periods";
import type { NotificationPayload } from "@/lib/domain/notifications";
import { toTexts } from "@/lib/domain/texts";
import type { ExceptionChoices, ExceptionView } from "@/lib/domain/types/periods";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { focalPointsOf, notify } from "../notifications";
import { requirePeriod, todayOf } from "./shared";

export interface ExceptionInput {
  /** Exactly one of agencyId and activityId. */
  agencyId: string | null;
  activityId: string | null;
  /** "YYYY-MM-DD", inclusive. */
  until: string;
  reason: string;
}

const exceptionAudit = (e: { periodId: string; agencyId: string | null; activityId: string | null; until: Date }) => ({
  periodId: e.periodId,
  agencyId: e.agencyId,
  activityId: e.activityId,
  until: toIsoDay(e.until),
});

/** Grants an exception to a period's lock, and tells the focal points of the agency it concerns. */
export async function grantException(
  ctx: TenantContext,
  periodId: string,
  input: ExceptionInput,
  opts: { today?: Date } = {},
): Promise<{ id: string }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "periods.manage", async (tx, audit) => {
    const period = await requirePeriod(tx, ctx, periodId);
    const fieldErrors: Record<string, MessageRef> = {};
    if (Boolean(input.agencyId) === Boolean(input.activityId)) throw new RuleError("errors.invalidInput");
    const [agency, activity] = await Promise.all([
      input.agencyId
        ? tx.agency.findFirst({
            where: { id: input.agencyId, tenantId: ctx.tenant.id, archivedAt: null },
            select: { id: true },
          })
        : null,
      input.activityId
        ? tx.activity.findFirst({
            where: { id: input.activityId, tenantId: ctx.tenant.id, planId: period.planId, archivedAt: null },
            select: { id: true, code: true, title: true, leadAgencyId: true },
          })
        : null,
    ]);
    if (input.agencyId && !agency) fieldErrors.agencyId = { key: "periods.errors.noSuchAgency" };
    if (input.activityId && !activity) fieldErrors.activityId = { key: "periods.errors.noSuchActivity" };
    const until = parseIsoDay(input.until);
    if (until < today) fieldErrors.until = { key: "periods.errors.untilPast", values: { day: today.getTime() } };
    if (Object.keys(fieldErrors).length > 0) throw new RuleError("errors.invalidInput", fieldErrors);

    const data = { periodId, agencyId: agency?.id ?? null, activityId: activity?.id ?? null, until };
    const created = await tx.reportingException.create({
      data: { tenantId: ctx.tenant.id, ...data, reason: input.reason, grantedById: ctx.user.id },
      select: { id: true },
    });
    await audit({
      action: "exception.granted",
      entityType: "ReportingException",
      entityId: created.id,
      after: exceptionAudit(data),
      reason: input.reason,
    });

    const agencyId = agency?.id ?? activity?.leadAgencyId ?? null;
    if (agencyId) {
      const recipients = await focalPointsOf(tx, ctx.tenant.id, agencyId, { today });
      const payload: NotificationPayload = {
        period: toTexts(period.label) as Record<string, string>,
        day: input.until,
        comment: input.reason,
        by: ctx.user.name,
        ...(activity
          ? { activityCode: activity.code, activity: toTexts(activity.title) as Record<string, string> }
          : {}),
      };
      const link = activity ? `/activities/${activity.id}/report?period=${periodId}` : "/my-activities";
      await notify(
        tx,
        ctx.tenant.id,
        recipients
          .filter((u) => u !== ctx.user.id)
          .map((userId) => ({
            userId,
            kind: "exception.granted" as const,
            payload,
            link,
            dedupeKey: `exception:${created.id}`,
          })),
      );
    }
    return created;
  });
}

/** Ends an exception before its day. */
export async function revokeException(ctx: TenantContext, exceptionId: string, opts: { now?: Date } = {}) {
  await withTenant(ctx, "periods.manage", async (tx, audit) => {
    const exception = await tx.reportingException.findFirst({
      where: { id: exceptionId, tenantId: ctx.tenant.id },
      select: { id: true, periodId: true, agencyId: true, activityId: true, until: true, revokedAt: true },
    });
    if (!exception) throw new NotFoundError("exception");
    if (exception.revokedAt) throw new RuleError("periods.errors.alreadyRevoked");
    await tx.reportingException.updateMany({
      where: { id: exceptionId, tenantId: ctx.tenant.id, revokedAt: null },
      data: { revokedAt: opts.now ?? new Date() },
    });
    await audit({
      action: "exception.revoked",
      entityType: "ReportingException",
      entityId: exceptionId,
      before: exceptionAudit(exception),
    });
  });
}

/** The exceptions granted in a plan's periods, newest first, revoked and expired ones too. Any member. */
export async function listExceptions(
  ctx: TenantContext,
  planId: string,
  opts: { today?: Date } = {},
): Promise<ExceptionView[]> {
  const today = todayOf(opts.today);
  const rows = await withTenant(ctx, "tenant.view", (tx) =>
    tx.reportingException.findMany({
      where: { tenantId: ctx.tenant.id, period: { planId } },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        periodId: true,
        until: true,
        reason: true,
        createdAt: true,
        revokedAt: true,
        period: { select: { label: true } },
        agency: { select: { id: true, name: true } },
        activity: { select: { id: true, code: true, title: true } },
        grantedBy: { select: { name: true } },
      },
    }),
  );
  return rows.map((e) => ({
    id: e.id,
    periodId: e.periodId,
    periodLabel: toTexts(e.period.label),
    agency: e.agency ? { id: e.agency.id, name: toTexts(e.agency.name) } : null,
    activity: e.activity ? { id: e.activity.id, code: e.activity.code, title: toTexts(e.activity.title) } : null,
    until: toIsoDay(e.until),
    reason: e.reason,
    grantedBy: e.grantedBy?.name ?? null,
    grantedOn: toIsoDay(e.createdAt),
    revokedOn: e.revokedAt ? toIsoDay(e.revokedAt) : null,
    active: exceptionActive(e, today),
  }));
}

/** What the grant form offers: the tenant's agencies and the plan's activities (coordinators). */
export async function exceptionChoices(ctx: TenantContext, planId: string): Promise<ExceptionChoices> {
  return withTenant(ctx, "periods.manage", async (tx) => {
    const [agencies, activities] = await Promise.all([
      tx.agency.findMany({
        where: { tenantId: ctx.tenant.id, archivedAt: null },
        select: { id: true, name: true },
        orderBy: { id: "asc" },
      }),
      tx.activity.findMany({
        where: { tenantId: ctx.tenant.id, planId, archivedAt: null },
        select: { id: true, code: true, title: true },
      }),
    ]);
    return {
      agencies: agencies.map((a) => ({ id: a.id, name: toTexts(a.name) })),
      activities: activities
        .sort((x, y) => compareCodes(x.code, y.code))
        .map((a) => ({ id: a.id, code: a.code, title: toTexts(a.title) })),
    };
  });
}
