import "server-only";
// The dashboard's figures for every role of a tenant (tenant.view): the view the URL asks for,
// then one function per part of the page, each one statement (lib/data/dashboard/statements.ts)
// in its own transaction, so the page runs them in parallel and streams each part as it comes.
// Each is cached per tenant under the tenant's figures version (./cache.ts).
import type { Prisma } from "@/generated/prisma/client";
import { indicatorMark, watchReason } from "@/lib/domain/dashboard";
import { toIsoDay } from "@/lib/domain/day";
import { ForbiddenError } from "@/lib/domain/errors";
import { ACTIVITY_STATUSES, PILLARS, type ActivityStatus } from "@/lib/domain/enums";
import { toTexts } from "@/lib/domain/texts";
import type {
  AgencyFigures,
  AgencySort,
  ComplianceFigures,
  DashboardView,
  HeadlineFigures,
  IndicatorFigures,
  IndicatorMark,
  IndicatorSummary,
  ProgressFigures,
  Rollup,
  RollupRow,
  TrendPoint,
  Watchlist,
  WatchRow,
} from "@/lib/domain/types/dashboard";
import type { TenantContext } from "../context";
import type { Tx } from "../door";
import { readingOrder } from "../activity-queries/sql";
import { todayOf } from "../reporting/shared";
import { cachedFigures } from "./cache";
import {
  agenciesSql,
  complianceSql,
  headlineSql,
  indicatorsSql,
  isReady,
  rollupSql,
  trendSql,
  watchlistSql,
} from "./statements";
import { canSeeSubmitted, resolveView, type DashboardArgs } from "./view";

export type { DashboardArgs };
export { canSeeSubmitted };

interface Options {
  today?: Date;
  locale?: string;
  /** Skip the cache (tests of the cache itself, the benchmark's baseline). */
  fresh?: boolean;
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const dayOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? toIsoDay(v) : String(v).slice(0, 10);

/** The view the URL asks for, checked against the tenant's data. */
export async function dashboardView(
  ctx: TenantContext,
  args: DashboardArgs,
  opts: Options = {},
): Promise<DashboardView> {
  const today = todayOf(opts.today);
  // The role decides whether submitted updates may count (the view says which were asked for).
  const key = JSON.stringify(["view", args, ctx.role, toIsoDay(today)]);
  return cachedFigures(ctx, key, (tx) => resolveView(tx, ctx, args, today), opts.fresh);
}

/** One part's figures: the view's key, the tenant's version, computed in the door on a miss. */
async function figures<T>(
  ctx: TenantContext,
  view: DashboardView,
  part: string,
  extra: unknown,
  opts: Options,
  compute: (tx: Tx) => Promise<T>,
): Promise<T> {
  // A view is made by dashboardView for this person; should one be handed over from elsewhere, its
  // switch still cannot count unapproved updates for someone who may not see them.
  if (view.submitted && !canSeeSubmitted(ctx)) throw new ForbiddenError("progress.report");
  // The content languages decide the reading order of names (a change of settings bumps no version).
  const key = JSON.stringify([
    part,
    view,
    extra,
    opts.locale ?? null,
    ctx.tenant.contentLanguages,
    toIsoDay(todayOf(opts.today)),
  ]);
  return cachedFigures(ctx, key, compute, opts.fresh);
}

function toProgress(r: Row): ProgressFigures {
  return {
    activities: num(r.activities),
    statuses: Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, num(r[`s_${s}`])])) as Record<ActivityStatus, number>,
    completed: num(r.completed),
    completedShare: numOrNull(r.completedShare),
    averagePercent: numOrNull(r.averagePercent),
    overdue: num(r.overdue),
    atRisk: num(r.atRisk),
    pending: num(r.pending),
  };
}

export const EMPTY_PROGRESS: ProgressFigures = toProgress({});

function toCompliance(r: Row | undefined): ComplianceFigures | null {
  if (!r) return null;
  const due = num(r.due);
  const rate = (n: number) => (due > 0 ? Math.floor((100 * n) / due + 0.5) : null);
  return {
    due,
    reported: num(r.reported),
    onTime: num(r.onTime),
    reportedRate: rate(num(r.reported)),
    onTimeRate: rate(num(r.onTime)),
  };
}

const EMPTY_COMPLIANCE: ComplianceFigures = { due: 0, reported: 0, onTime: 0, reportedRate: null, onTimeRate: null };

/** Headline figures as of the period, with those of the period before it; compliance of both. */
export async function dashboardHeadline(
  ctx: TenantContext,
  view: DashboardView,
  opts: Options = {},
): Promise<HeadlineFigures | null> {
  if (!isReady(view)) return null;
  return figures(ctx, view, "headline", null, opts, async (tx) => {
    const [progress, compliance] = await Promise.all([
      tx.$queryRaw<Row[]>(headlineSql(ctx.tenant.id, view)),
      tx.$queryRaw<Row[]>(complianceSql(ctx.tenant.id, view)),
    ]);
    const at = (rows: Row[], k: string | undefined) => rows.find((r) => r.k === k);
    const current = at(progress, view.asOf.id);
    const before = view.previous ? at(progress, view.previous.id) : undefined;
    return {
      current: current ? toProgress(current) : EMPTY_PROGRESS,
      previous: view.previous ? (before ? toProgress(before) : EMPTY_PROGRESS) : null,
      compliance: toCompliance(at(compliance, view.asOf.id)) ?? EMPTY_COMPLIANCE,
      previousCompliance: view.previous ? (toCompliance(at(compliance, view.previous.id)) ?? EMPTY_COMPLIANCE) : null,
    };
  });
}

/** The roll-up one level below the view: the four pillars (and "no pillar"), a pillar's objectives, an objective's activities. */
export async function dashboardRollup(
  ctx: TenantContext,
  view: DashboardView,
  opts: Options = {},
): Promise<Rollup | null> {
  if (!isReady(view)) return null;
  return figures(ctx, view, "rollup", null, opts, async (tx): Promise<Rollup> => {
    const rows = await tx.$queryRaw<Row[]>(rollupSql(ctx.tenant.id, view));
    if (view.objectiveId) {
      const objective = await tx.objective.findFirst({
        where: { id: view.objectiveId, tenantId: ctx.tenant.id },
        select: { id: true, code: true, title: true },
      });
      return {
        level: "activities",
        pillar: view.pillar ?? "NONE",
        objective: { id: view.objectiveId, code: objective?.code ?? "", title: toTexts(objective?.title) },
        rows: rows.map((r) => ({
          id: String(r.id),
          code: String(r.code),
          title: toTexts(r.title),
          status: r.status as ActivityStatus,
          percentComplete: num(r.percentComplete),
          pending: Boolean(r.pending),
          overdue: Boolean(r.overdue),
          atRisk: Boolean(r.atRisk),
          plannedEnd: dayOrNull(r.plannedEnd),
          leadAgency: r.leadId ? { id: String(r.leadId), name: toTexts(r.leadName) } : null,
        })),
      };
    }
    const toRow = (r: Row): RollupRow => ({
      ...toProgress(r),
      key: String(r.key),
      code: r.code ? String(r.code) : null,
      title: r.title ? toTexts(r.title) : null,
      pillar: r.pillar as RollupRow["pillar"],
    });
    if (view.pillar) return { level: "objectives", pillar: view.pillar, rows: rows.map(toRow) };
    // The four pillars always, so plans and countries compare; "no pillar" only when a section has none.
    const counted = new Map(rows.map((r) => [String(r.key), toRow(r)]));
    const pillars: RollupRow[] = PILLARS.map(
      (p) => counted.get(p) ?? { ...EMPTY_PROGRESS, key: p, code: null, title: null, pillar: p },
    );
    const none = counted.get("NONE");
    return { level: "pillars", rows: none ? [...pillars, none] : pillars };
  });
}

/** Per agency, sorted as asked. */
export async function dashboardAgencies(
  ctx: TenantContext,
  view: DashboardView,
  sort: { by: AgencySort; desc: boolean },
  opts: Options = {},
): Promise<AgencyFigures[]> {
  if (!isReady(view)) return [];
  const today = toIsoDay(todayOf(opts.today));
  return figures(ctx, view, "agencies", sort, opts, async (tx) => {
    const rows = await tx.$queryRaw<Row[]>(
      agenciesSql(ctx.tenant.id, view, sort, readingOrder(ctx, opts.locale), today),
    );
    return rows.map((r) => ({
      agency: { id: String(r.id), name: toTexts(r.name), shortName: toTexts(r.shortName) },
      led: num(r.led),
      partnered: num(r.partnered),
      completed: num(r.completed),
      delayed: num(r.delayed),
      overdue: num(r.overdue),
      lastReport: r.lastReport instanceof Date ? r.lastReport.toISOString() : null,
      onTimeRate: numOrNull(r.onTimeRate),
      dueReports: num(r.dueReports),
    }));
  });
}

const MARKS: IndicatorMark[] = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "NOT_REPORTED", "NO_TARGET"];

/** The indicators' marks counted and a page of them, the most worrying first. */
export async function dashboardIndicators(
  ctx: TenantContext,
  view: DashboardView,
  page = 1,
  opts: Options = {},
): Promise<IndicatorSummary> {
  const none: IndicatorSummary = {
    rows: [],
    total: 0,
    marks: Object.fromEntries(MARKS.map((m) => [m, 0])) as Record<IndicatorMark, number>,
  };
  if (!isReady(view)) return none;
  return figures(ctx, view, "indicators", page, opts, async (tx) => {
    const [r] = await tx.$queryRaw<Row[]>(indicatorsSql(ctx.tenant.id, view, page));
    const marks = (r?.marks ?? {}) as Record<string, number>;
    const rows = ((r?.rows ?? []) as Row[]).map((i): IndicatorFigures => {
      const numbers = {
        unit: i.unit as IndicatorFigures["unit"],
        valueKind: i.valueKind as IndicatorFigures["valueKind"],
        direction: i.direction as IndicatorFigures["direction"],
        baseline: numOrNull(i.baseline),
        target: numOrNull(i.target),
        actual: numOrNull(i.actual),
      };
      const progress = numOrNull(i.progress);
      const expected = numOrNull(i.expected);
      return {
        id: String(i.id),
        name: toTexts(i.name),
        of: { kind: i.kind as "activity" | "objective", id: String(i.ofId), code: String(i.ofCode) },
        unit: numbers.unit,
        unitLabel: toTexts(i.unitLabel),
        direction: numbers.direction,
        valueKind: i.valueKind as IndicatorFigures["valueKind"],
        baseline: numbers.baseline,
        target: numbers.target,
        targetYear: numOrNull(i.targetYear),
        actual: numbers.actual,
        actualPeriod: i.latestLabel ? toTexts(i.latestLabel) : null,
        reports: num(i.reports),
        pending: Boolean(i.pending),
        progress,
        expected,
        mark: i.mark as IndicatorMark,
        // The words for the mark the database gave (the same rule; the test holds them together).
        reason: indicatorMark(numbers, progress, expected).reason,
      };
    });
    return {
      rows,
      total: num(r?.total),
      marks: Object.fromEntries(MARKS.map((m) => [m, num(marks[m])])) as Record<IndicatorMark, number>,
    };
  });
}

/** Actual against planned, period by period, up to the as-of one. */
export async function dashboardTrend(
  ctx: TenantContext,
  view: DashboardView,
  opts: Options = {},
): Promise<TrendPoint[]> {
  if (!isReady(view)) return [];
  return figures(ctx, view, "trend", null, opts, async (tx) => {
    const rows = await tx.$queryRaw<Row[]>(trendSql(ctx.tenant.id, view));
    const byPeriod = new Map(rows.map((r) => [String(r.k), r]));
    return view.periods
      .filter((p) => p.startDate <= view.asOf.startDate)
      .map((period) => {
        const r = byPeriod.get(period.id) ?? {};
        return {
          period,
          actualPercent: numOrNull(r.actualPercent),
          plannedPercent: numOrNull(r.plannedPercent),
          completed: num(r.completed),
          plannedCompleted: num(r.plannedCompleted),
        };
      });
  });
}

/** Overdue and at-risk activities, each with the reason in words (as data). */
export async function dashboardWatchlist(
  ctx: TenantContext,
  view: DashboardView,
  opts: Options = {},
): Promise<Watchlist> {
  if (!isReady(view)) return { overdue: [], atRisk: [], overdueTotal: 0, atRiskTotal: 0 };
  return figures(ctx, view, "watchlist", null, opts, async (tx) => {
    const [r] = await tx.$queryRaw<Row[]>(watchlistSql(ctx.tenant.id, view));
    const toWatch = (w: Row): WatchRow => {
      const plannedEnd = dayOrNull(w.plannedEnd);
      const status = w.status as ActivityStatus;
      const percentComplete = num(w.percentComplete);
      return {
        id: String(w.id),
        code: String(w.code),
        title: toTexts(w.title),
        status,
        percentComplete,
        plannedEnd,
        leadAgency: w.leadId ? { id: String(w.leadId), name: toTexts(w.leadName) } : null,
        pending: Boolean(w.pending),
        reason: watchReason(
          {
            overdue: Boolean(w.overdue),
            status,
            plannedEnd,
            expected: numOrNull(w.expected),
            percent: percentComplete,
          },
          view.day,
        ),
      };
    };
    return {
      overdue: ((r?.overdue ?? []) as Row[]).map(toWatch),
      atRisk: ((r?.atRisk ?? []) as Row[]).map(toWatch),
      overdueTotal: num(r?.overdueTotal),
      atRiskTotal: num(r?.atRiskTotal),
    };
  });
}

/**
 * The statements one dashboard page runs for these arguments, for the benchmark to run directly
 * against the database (scripts/bench-dashboard.ts). Sorted and paged as the page's defaults.
 */
export async function dashboardStatements(
  ctx: TenantContext,
  args: { planId?: string; asOf?: string },
  opts: Options = {},
): Promise<{ name: string; sql: Prisma.Sql }[]> {
  const view = await dashboardView(ctx, { plan: args.planId, asOf: args.asOf }, opts);
  if (!isReady(view)) return [];
  const t = ctx.tenant.id;
  const today = toIsoDay(todayOf(opts.today));
  return [
    { name: "headline", sql: headlineSql(t, view) },
    { name: "compliance", sql: complianceSql(t, view) },
    { name: "rollup", sql: rollupSql(t, view) },
    { name: "agencies", sql: agenciesSql(t, view, DEFAULT_AGENCY_SORT, readingOrder(ctx, opts.locale), today) },
    { name: "indicators", sql: indicatorsSql(t, view, 1) },
    { name: "trend", sql: trendSql(t, view) },
    { name: "watchlist", sql: watchlistSql(t, view) },
  ];
}

export const DEFAULT_AGENCY_SORT: { by: AgencySort; desc: boolean } = { by: "name", desc: false };

/** What the dashboard's filters offer: the tenant's plans (newest first) and agencies. */
export async function dashboardFilterOptions(ctx: TenantContext, opts: Options = {}) {
  return cachedFigures(
    ctx,
    JSON.stringify(["options"]),
    async (tx) => {
      const [plans, agencies] = await Promise.all([
        tx.plan.findMany({
          where: { tenantId: ctx.tenant.id, archivedAt: null },
          select: { id: true, title: true, status: true },
          orderBy: [{ startDate: "desc" }, { id: "asc" }],
        }),
        tx.agency.findMany({
          where: { tenantId: ctx.tenant.id, archivedAt: null },
          select: { id: true, name: true },
          orderBy: { id: "asc" },
        }),
      ]);
      return {
        plans: plans.map((p) => ({ id: p.id, title: toTexts(p.title), status: p.status })),
        agencies: agencies.map((a) => ({ id: a.id, name: toTexts(a.name) })),
      };
    },
    opts.fresh,
  );
}
