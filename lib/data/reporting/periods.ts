import "server-only";
// A plan's reporting periods (coordinators and administrators manage them, every member reads
// them): generated from the plan's dates by cadence, or added and edited by hand; closed before
// their lock, reopened until a day. Every change is one door call with its audit event.
// The exceptions to a lock live in ./exceptions.ts (exported from here too).
import { parseIsoDay, toIsoDay } from "@/lib/domain/day";
import { UPDATE_STATUSES, type UpdateStatus } from "@/lib/domain/enums";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import {
  DEFAULT_PERIOD_RULES,
  generatePeriods as cutPeriods,
  periodDayErrors,
  periodStatus,
  type Cadence,
  type PeriodRules,
} from "@/lib/domain/periods";
import { toTexts, type Texts } from "@/lib/domain/texts";
import type { PeriodListItem, PeriodsOfPlan } from "@/lib/domain/types/periods";
import type { TenantContext } from "../context";
import { saveOverVersion, withTenant, type Tx } from "../door";
import { requireEditablePlan, type EditablePlan } from "../plan-guards";
import { periodSelect, requirePeriod, todayOf, toPeriodView } from "./shared";

/** A period as a form sends it: its label in each language and its five days, "YYYY-MM-DD". */
export interface PeriodInput {
  label: Texts;
  startDate: string;
  endDate: string;
  opensOn: string;
  dueDate: string;
  locksOn: string;
}

type DayField = "startDate" | "endDate" | "opensOn" | "dueDate" | "locksOn";
const DAY_FIELDS: readonly DayField[] = ["startDate", "endDate", "opensOn", "dueDate", "locksOn"];

/** What audit events record of a period: comparable, days as "YYYY-MM-DD". */
function auditView(p: { planId: string; label: unknown } & Record<DayField, Date>) {
  return {
    planId: p.planId,
    label: toTexts(p.label),
    ...(Object.fromEntries(DAY_FIELDS.map((f) => [f, toIsoDay(p[f])])) as Record<DayField, string>),
  };
}

const daysOf = (input: PeriodInput) =>
  Object.fromEntries(DAY_FIELDS.map((f) => [f, parseIsoDay(input[f])])) as Record<DayField, Date>;

/** A day as a message value: its time, which the message formats as a date in the reader's language. */
const dayValue = (d: Date) => d.getTime();

const overlapping = (start: Date, end: Date) => ({ startDate: { lte: end }, endDate: { gte: start } });

/**
 * Every rule a period's days break, at once: their order, the plan's dates, and no overlap with
 * another period of the plan. Throws a RuleError with one message per field.
 */
async function checkPeriod(
  tx: Tx,
  ctx: TenantContext,
  plan: EditablePlan,
  input: PeriodInput,
  selfId?: string,
): Promise<void> {
  const fieldErrors: Record<string, MessageRef> = {};
  for (const [field, key] of Object.entries(periodDayErrors(input))) if (key) fieldErrors[field] = { key };
  const { startDate, endDate } = daysOf(input);
  if (startDate < plan.startDate)
    fieldErrors.startDate ??= { key: "periods.errors.beforePlan", values: { day: dayValue(plan.startDate) } };
  if (endDate > plan.endDate)
    fieldErrors.endDate ??= { key: "periods.errors.afterPlan", values: { day: dayValue(plan.endDate) } };
  if (endDate >= startDate) {
    const other = await tx.reportingPeriod.findFirst({
      where: {
        tenantId: ctx.tenant.id,
        planId: plan.id,
        ...(selfId ? { id: { not: selfId } } : {}),
        ...overlapping(startDate, endDate),
      },
      select: { startDate: true, endDate: true },
      orderBy: { startDate: "asc" },
    });
    if (other)
      fieldErrors.startDate ??= {
        key: "periods.errors.overlaps",
        values: { start: dayValue(other.startDate), end: dayValue(other.endDate) },
      };
  }
  if (Object.keys(fieldErrors).length > 0) throw new RuleError("errors.invalidInput", fieldErrors);
}

const duplicateSpan = () =>
  new RuleError("errors.invalidInput", { startDate: { key: "periods.errors.duplicateSpan" } });

const emptyCounts = () => Object.fromEntries(UPDATE_STATUSES.map((s) => [s, 0])) as Record<UpdateStatus, number>;

/**
 * The plan's periods in order, each with its state on `today` and its updates counted by status
 * (one grouped query for the whole plan). Any member.
 */
export async function listPeriods(
  ctx: TenantContext,
  planId: string,
  opts: { today?: Date } = {},
): Promise<PeriodsOfPlan> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "tenant.view", async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null },
      select: { id: true, title: true, startDate: true, endDate: true, status: true },
    });
    if (!plan) throw new NotFoundError("plan");
    const [periods, groups] = await Promise.all([
      tx.reportingPeriod.findMany({
        where: { tenantId: ctx.tenant.id, planId },
        orderBy: { startDate: "asc" },
        select: {
          ...periodSelect,
          closedBy: { select: { name: true } },
          reopenedBy: { select: { name: true } },
        },
      }),
      tx.progressUpdate.groupBy({
        by: ["periodId", "status"],
        where: { tenantId: ctx.tenant.id, period: { planId } },
        _count: { _all: true },
      }),
    ]);
    const counts = new Map<string, Record<UpdateStatus, number>>();
    for (const g of groups) {
      const row = counts.get(g.periodId) ?? emptyCounts();
      row[g.status] = g._count._all;
      counts.set(g.periodId, row);
    }
    return {
      plan: {
        id: plan.id,
        title: toTexts(plan.title),
        startDate: toIsoDay(plan.startDate),
        endDate: toIsoDay(plan.endDate),
        status: plan.status,
      },
      periods: periods.map((p): PeriodListItem => {
        const view = toPeriodView(p, today);
        const c = counts.get(p.id) ?? emptyCounts();
        return {
          id: view.id,
          label: view.label,
          startDate: view.startDate,
          endDate: view.endDate,
          opensOn: view.opensOn,
          dueDate: view.dueDate,
          locksOn: view.locksOn,
          version: view.version,
          status: view.status,
          closedOn: p.closedAt ? toIsoDay(p.closedAt) : null,
          closedBy: p.closedBy?.name ?? null,
          reopenedUntil: p.reopenedUntil ? toIsoDay(p.reopenedUntil) : null,
          reopenedBy: p.reopenedBy?.name ?? null,
          counts: c,
          deletable: Object.values(c).every((n) => n === 0),
        };
      }),
    };
  });
}

/**
 * Creates the plan's missing periods of `cadence`, labelled in the tenant's content languages.
 * A span that already exists is skipped; a new one that overlaps another period refuses the whole
 * generation (nothing is written), naming the first clash.
 */
export async function generatePeriods(
  ctx: TenantContext,
  planId: string,
  cadence: Cadence,
  rules: PeriodRules = DEFAULT_PERIOD_RULES,
): Promise<{ created: number; skipped: number }> {
  return withTenant(
    ctx,
    "periods.manage",
    async (tx, audit) => {
      const plan = await requireEditablePlan(tx, ctx, planId);
      const drafts = cutPeriods(cadence, plan.startDate, plan.endDate, ctx.tenant.contentLanguages, rules);
      const existing = await tx.reportingPeriod.findMany({
        where: { tenantId: ctx.tenant.id, planId },
        select: { startDate: true, endDate: true },
      });
      const same = (a: Date, b: Date) => a.getTime() === b.getTime();
      const fresh = drafts.filter(
        (d) => !existing.some((e) => same(e.startDate, d.startDate) && same(e.endDate, d.endDate)),
      );
      const clash = fresh
        .map((d) => existing.find((e) => e.startDate <= d.endDate && e.endDate >= d.startDate))
        .find(Boolean);
      if (clash)
        throw new RuleError(
          "periods.errors.generateOverlaps",
          {},
          {
            start: dayValue(clash.startDate),
            end: dayValue(clash.endDate),
          },
        );
      if (fresh.length > 0) {
        const created = await tx.reportingPeriod.createManyAndReturn({
          data: fresh.map((d) => ({ tenantId: ctx.tenant.id, planId, ...d })),
          select: {
            id: true,
            planId: true,
            label: true,
            startDate: true,
            endDate: true,
            opensOn: true,
            dueDate: true,
            locksOn: true,
          },
        });
        for (const p of created)
          await audit({ action: "period.created", entityType: "ReportingPeriod", entityId: p.id, after: auditView(p) });
      }
      return { created: fresh.length, skipped: drafts.length - fresh.length };
    },
    { unique: duplicateSpan },
  );
}

/** A period added by hand. */
export async function createPeriod(ctx: TenantContext, planId: string, input: PeriodInput): Promise<{ id: string }> {
  return withTenant(
    ctx,
    "periods.manage",
    async (tx, audit) => {
      const plan = await requireEditablePlan(tx, ctx, planId);
      await checkPeriod(tx, ctx, plan, input);
      const data = { planId, label: toTexts(input.label), ...daysOf(input) };
      const period = await tx.reportingPeriod.create({
        data: { tenantId: ctx.tenant.id, ...data },
        select: { id: true },
      });
      await audit({
        action: "period.created",
        entityType: "ReportingPeriod",
        entityId: period.id,
        after: auditView(data),
      });
      return period;
    },
    { unique: duplicateSpan },
  );
}

/** Edits a period over the version the form was loaded with; a stale version answers with the saved one. */
export async function updatePeriod(
  ctx: TenantContext,
  periodId: string,
  version: number,
  input: PeriodInput,
): Promise<void> {
  await withTenant(
    ctx,
    "periods.manage",
    async (tx, audit) => {
      const before = await requirePeriod(tx, ctx, periodId);
      const plan = await requireEditablePlan(tx, ctx, before.planId);
      const data = { planId: before.planId, label: toTexts(input.label), ...daysOf(input) };
      await saveOverVersion(
        before,
        version,
        (p) => ({ ...toPeriodView(p, todayOf()), label: toTexts(p.label) }),
        async () => {
          await checkPeriod(tx, ctx, plan, input, periodId);
          return tx.reportingPeriod.updateMany({
            where: { id: periodId, tenantId: ctx.tenant.id, version },
            data: { label: data.label, ...daysOf(input), version: { increment: 1 } },
          });
        },
      );
      const [was, now] = [auditView(before), auditView(data)];
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter(
        (k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]),
      );
      if (changed.length === 0) return;
      await audit({
        action: "period.updated",
        entityType: "ReportingPeriod",
        entityId: periodId,
        before: Object.fromEntries(changed.map((k) => [k, was[k]])),
        after: Object.fromEntries(changed.map((k) => [k, now[k]])),
      });
    },
    { unique: duplicateSpan },
  );
}

/** Only a period in which no update was ever written is deleted (with its exceptions). */
export async function deletePeriod(ctx: TenantContext, periodId: string): Promise<void> {
  await withTenant(ctx, "periods.manage", async (tx, audit) => {
    const period = await requirePeriod(tx, ctx, periodId);
    await requireEditablePlan(tx, ctx, period.planId);
    const updates = await tx.progressUpdate.count({ where: { tenantId: ctx.tenant.id, periodId } });
    if (updates > 0) throw new RuleError("periods.errors.hasUpdates", {}, { count: updates });
    await audit({
      action: "period.deleted",
      entityType: "ReportingPeriod",
      entityId: periodId,
      before: auditView(period),
    });
    await tx.reportingPeriod.deleteMany({ where: { id: periodId, tenantId: ctx.tenant.id } });
  });
}

/** The coordinator closes a period before its lock day: it locks now, with the reason recorded. */
export async function closePeriod(
  ctx: TenantContext,
  periodId: string,
  reason: string,
  opts: { today?: Date } = {},
): Promise<void> {
  const today = todayOf(opts.today);
  await withTenant(ctx, "periods.manage", async (tx, audit) => {
    const period = await requirePeriod(tx, ctx, periodId);
    if (periodStatus(period, today).state === "LOCKED") throw new RuleError("periods.errors.alreadyLocked");
    await tx.reportingPeriod.updateMany({
      where: { id: periodId, tenantId: ctx.tenant.id },
      data: {
        closedAt: opts.today ?? new Date(),
        closedById: ctx.user.id,
        reopenedUntil: null,
        reopenedById: null,
        version: { increment: 1 },
      },
    });
    await audit({ action: "period.closed", entityType: "ReportingPeriod", entityId: periodId, reason });
  });
}

/** A locked period opened again for everyone until `until` (inclusive), with the reason recorded. */
export async function reopenPeriod(
  ctx: TenantContext,
  periodId: string,
  until: string,
  reason: string,
  opts: { today?: Date } = {},
): Promise<void> {
  const today = todayOf(opts.today);
  await withTenant(ctx, "periods.manage", async (tx, audit) => {
    const period = await requirePeriod(tx, ctx, periodId);
    if (periodStatus(period, today).state !== "LOCKED") throw new RuleError("periods.errors.notLocked");
    const day = parseIsoDay(until);
    if (day < today)
      throw new RuleError("errors.invalidInput", {
        until: { key: "periods.errors.untilPast", values: { day: dayValue(today) } },
      });
    await tx.reportingPeriod.updateMany({
      where: { id: periodId, tenantId: ctx.tenant.id },
      data: { reopenedUntil: day, reopenedById: ctx.user.id, version: { increment: 1 } },
    });
    await audit({
      action: "period.reopened",
      entityType: "ReportingPeriod",
      entityId: periodId,
      after: { reopenedUntil: until },
      reason,
    });
  });
}

export { exceptionChoices, grantException, listExceptions, revokeException } from "./exceptions";
