import "server-only";
// Read-only views of activities: the filtered list, one activity, a focal point's own, an agency's.
// Query counts never depend on the number of rows: the list is two SQL statements (page, count)
// after the plan lookup, lead and partner names come with the rows, counts come from GROUP BY.
import { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus, AgencyKind, IndicatorDirection, IndicatorUnit, Pillar, PlanStatus } from "@/generated/prisma/enums";
import { getDb, type Db } from "@/lib/db";
import { NotFoundError } from "@/lib/domain/errors";
import { isOverdue } from "@/lib/domain/localized";
import {
  DEFAULT_FILTERS, DEFAULT_PAGE, DEFAULT_SORT, type ActivityFilters, type ActivitySort, type PageRequest,
} from "@/lib/validation/activity-filters";
import { requirePermission, type TenantContext } from "./context";

export type Localized = Record<string, string>;
export interface AgencyRef { id: string; name: string; names: Localized }
export interface PlanRef { id: string; title: string; titles: Localized; status: PlanStatus; startDate: Date; endDate: Date }
export interface ActivityRow {
  id: string; code: string; title: string; titles: Localized; status: ActivityStatus; percentComplete: number;
  plannedEnd: Date | null; overdue: boolean; leadAgency: AgencyRef | null; partners: AgencyRef[];
}
export interface ActivityPage { plan: PlanRef | null; rows: ActivityRow[]; total: number; page: number; size: number; pageCount: number }
export interface QueryOptions {
  /** "Today" for the overdue rule; a day ending today is not overdue yet. */
  today?: Date;
  /** Sorting by title follows the reader's language. */
  locale?: string;
}

/** Midnight UTC of the day, as the date columns store it. */
export const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const isoDay = (d: Date) => startOfDay(d).toISOString().slice(0, 10);
const names = (v: unknown): Localized => (v && typeof v === "object" && !Array.isArray(v) ? (v as Localized) : {});
const planSelect = { id: true, title: true, titles: true, status: true, startDate: true, endDate: true } as const;

// ---- SQL pieces. Statements read "Activity" a, scoped by tenant. Conditions on other tables are
// `= ANY(ARRAY(subquery))`: an init plan the database runs once per statement. That keeps plans
// fast without table statistics (the embedded PGlite never runs autovacuum), where joins and
// semi-joins were planned as nested loops running the subquery once per activity. ----
const LEAD_JOIN = Prisma.sql`LEFT JOIN "Agency" la ON la."tenantId" = a."tenantId" AND la.id = a."leadAgencyId"`;
// Partners come as one JSON array per row, so a page of 100 rows stays one statement.
const COLUMNS = Prisma.sql`a.id, a.code, a.title, a.titles, a.status::text AS status, a."percentComplete", a."plannedEnd",
  la.id AS "leadId", la.name AS "leadName", la.names AS "leadNames",
  COALESCE((SELECT json_agg(json_build_object('id', pa.id, 'name', pa.name, 'names', pa.names) ORDER BY pa.name)
    FROM "ActivityPartner" ap JOIN "Agency" pa ON pa."tenantId" = ap."tenantId" AND pa.id = ap."agencyId"
    WHERE ap."tenantId" = a."tenantId" AND ap."activityId" = a.id), '[]'::json) AS partners`;
/** Codes in natural order (1.2 < 1.10): numeric parts zero-padded, compared part by part. */
const NATURAL_CODE = Prisma.sql`ARRAY(SELECT CASE WHEN part ~ '^[0-9]+$' THEN lpad(part, greatest(length(part), 12), '0') ELSE lower(part) END
  FROM unnest(string_to_array(a.code, '.')) WITH ORDINALITY AS c(part, n) ORDER BY n)`;

/** Shown: the activity, its objective and the objective's section are not archived (as on the plan page). */
function shown(tenantId: string, pillar: string | null = null): Prisma.Sql {
  const byPillar = pillar ? Prisma.sql`AND s.pillar::text = ${pillar}` : Prisma.empty;
  return Prisma.sql`a."tenantId" = ${tenantId} AND a."archivedAt" IS NULL AND a."objectiveId" = ANY(ARRAY(
    SELECT o.id FROM "Objective" o JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"
    WHERE o."tenantId" = ${tenantId} AND o."archivedAt" IS NULL AND s."archivedAt" IS NULL ${byPillar}))`;
}
const isPartner = (tenantId: string, agencyId: string) =>
  Prisma.sql`a.id = ANY(ARRAY(SELECT ap."activityId" FROM "ActivityPartner" ap WHERE ap."tenantId" = ${tenantId} AND ap."agencyId" = ${agencyId}))`;
const involves = (tenantId: string, agencyId: string) => Prisma.sql`(a."leadAgencyId" = ${agencyId} OR ${isPartner(tenantId, agencyId)})`;
const overdueSql = (today: string) => Prisma.sql`(a."plannedEnd" < ${today}::date AND a.status::text NOT IN ('COMPLETED', 'CANCELLED'))`;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** The list's conditions; the plan was checked to be the tenant's and not archived. */
function whereSql(tenantId: string, planId: string, f: ActivityFilters, today: string): Prisma.Sql {
  const c = [shown(tenantId, f.pillar), Prisma.sql`a."planId" = ${planId}`];
  if (f.objective) c.push(Prisma.sql`a."objectiveId" = ${f.objective}`);
  if (f.agency && f.role === "lead") c.push(Prisma.sql`a."leadAgencyId" = ${f.agency}`);
  if (f.agency && f.role === "partner") c.push(isPartner(tenantId, f.agency));
  if (f.agency && f.role === "any") c.push(involves(tenantId, f.agency));
  if (f.status.length > 0) c.push(Prisma.sql`a.status::text IN (${Prisma.join(f.status)})`);
  if (f.overdue) c.push(overdueSql(today));
  // Every word must appear somewhere: "train guards" finds "Train 200 border guards".
  for (const word of f.q.split(" ").filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    c.push(Prisma.sql`(a.code ILIKE ${pattern} OR a.title ILIKE ${pattern} OR a.description ILIKE ${pattern} OR a.titles->>'ru' ILIKE ${pattern})`);
  }
  return Prisma.join(c, " AND ");
}

function orderSql(sort: ActivitySort, locale: string): Prisma.Sql {
  const dir = Prisma.raw(sort.dir === "desc" ? "DESC" : "ASC");
  const key = {
    code: Prisma.sql`${NATURAL_CODE} ${dir}`,
    plannedEnd: Prisma.sql`a."plannedEnd" ${dir} NULLS LAST, ${NATURAL_CODE}`,
    status: Prisma.sql`a.status ${dir}, ${NATURAL_CODE}`,
    percent: Prisma.sql`a."percentComplete" ${dir}, ${NATURAL_CODE}`,
    title: Prisma.sql`lower(COALESCE(NULLIF(btrim(a.titles->>${locale}), ''), a.title)) ${dir}, ${NATURAL_CODE}`,
  }[sort.by] ?? NATURAL_CODE;
  return Prisma.sql`${key}, a.id`; // the id makes pages stable when everything else ties
}

interface RawRow {
  id: string; code: string; title: string; titles: unknown; status: ActivityStatus; percentComplete: number; plannedEnd: Date | null;
  leadId: string | null; leadName: string | null; leadNames: unknown; partners: unknown;
}

function toRow(r: RawRow, today: Date): ActivityRow {
  const partners = (Array.isArray(r.partners) ? r.partners : []) as { id: string; name: string; names: unknown }[];
  return {
    id: r.id, code: r.code, title: r.title, titles: names(r.titles), status: r.status, percentComplete: Number(r.percentComplete),
    plannedEnd: r.plannedEnd, overdue: isOverdue(r, today),
    leadAgency: r.leadId ? { id: r.leadId, name: r.leadName ?? "", names: names(r.leadNames) } : null,
    partners: partners.map((p) => ({ id: p.id, name: p.name, names: names(p.names) })),
  };
}

/** The tenant's plans, newest first; the requested one if it is theirs, else the active one, else the newest. */
async function resolvePlan(db: Db, ctx: TenantContext, requested: string | null) {
  const plans = (await db.plan.findMany({ where: { tenantId: ctx.tenant.id, archivedAt: null }, select: planSelect, orderBy: [{ startDate: "desc" }, { id: "asc" }] }))
    .map((p) => ({ ...p, titles: names(p.titles) }));
  const plan = plans.find((p) => p.id === requested) ?? plans.find((p) => p.status === "ACTIVE") ?? plans[0] ?? null;
  return { plans, plan };
}

/**
 * One page of a plan's activities, filtered and sorted, with the total: three statements (plan,
 * page, count) whatever the sizes; a fourth only for a page past the end.
 */
export async function listActivities(
  ctx: TenantContext, filters: ActivityFilters = DEFAULT_FILTERS, sort: ActivitySort = DEFAULT_SORT, page: PageRequest = DEFAULT_PAGE, opts: QueryOptions = {},
): Promise<ActivityPage> {
  requirePermission(ctx, "tenant.view");
  // Callers other than the URL parser may pass anything: keep OFFSET and LIMIT sane.
  const size = Math.min(100, Math.max(1, Math.floor(page.size) || DEFAULT_PAGE.size));
  const requested = Math.max(1, Math.floor(page.page) || 1);
  const db = await getDb();
  const { plan } = await resolvePlan(db, ctx, filters.plan);
  if (!plan) return { plan: null, rows: [], total: 0, page: 1, size, pageCount: 1 };
  const today = startOfDay(opts.today ?? new Date());
  const where = whereSql(ctx.tenant.id, plan.id, filters, isoDay(today));
  const order = orderSql(sort, opts.locale ?? "en");
  // The page's ids are picked first, so names and partners are fetched for its rows only (a late
  // page would otherwise compute them for every row it skips).
  const fetchPage = (n: number) => db.$queryRaw<RawRow[]>`
    SELECT ${COLUMNS} FROM (
      SELECT id, rn FROM (SELECT a.id, row_number() OVER (ORDER BY ${order}) AS rn FROM "Activity" a WHERE ${where}) ranked
      ORDER BY rn LIMIT ${size} OFFSET ${(n - 1) * size}
    ) pg
    JOIN "Activity" a ON a."tenantId" = ${ctx.tenant.id} AND a.id = pg.id ${LEAD_JOIN}
    ORDER BY pg.rn`;
  const [rows, counted] = await Promise.all([fetchPage(requested), db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Activity" a WHERE ${where}`]);
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / size));
  // A link to a page past the end (rows were removed since) shows the last page instead.
  const current = Math.min(requested, pageCount);
  const pageRows = current === requested ? rows : await fetchPage(current);
  return { plan, rows: pageRows.map((r) => toRow(r, today)), total, page: current, size, pageCount };
}

export interface FilterOptions {
  plans: PlanRef[];
  plan: PlanRef | null;
  sections: { id: string; code: string; title: string; titles: Localized; pillar: Pillar | null }[];
  objectives: { id: string; code: string; title: string; titles: Localized; sectionId: string }[];
  agencies: { id: string; name: string; names: Localized; archived: boolean }[];
}

/** What the filter form offers for the chosen (or default) plan. */
export async function getActivityFilterOptions(ctx: TenantContext, requestedPlan: string | null): Promise<FilterOptions> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const { plans, plan } = await resolvePlan(db, ctx, requestedPlan);
  const planId = plan?.id ?? "";
  const [sections, objectives, agencies] = await Promise.all([
    db.section.findMany({ where: { tenantId, planId, archivedAt: null }, select: { id: true, code: true, title: true, titles: true, pillar: true }, orderBy: { position: "asc" } }),
    db.objective.findMany({
      where: { tenantId, planId, archivedAt: null, section: { archivedAt: null } },
      select: { id: true, code: true, title: true, titles: true, sectionId: true },
      orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
    }),
    db.agency.findMany({ where: { tenantId }, select: { id: true, name: true, names: true, archivedAt: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    plans, plan,
    sections: sections.map((s) => ({ ...s, titles: names(s.titles) })),
    objectives: objectives.map((o) => ({ ...o, titles: names(o.titles) })),
    agencies: agencies.map(({ archivedAt, ...a }) => ({ ...a, names: names(a.names), archived: Boolean(archivedAt) })),
  };
}

// ---- One activity ----
export interface Disaggregation { dimension: string; categories: string[] }
export interface IndicatorDetail {
  id: string; name: string; names: Localized; unit: IndicatorUnit; unitLabel: string | null;
  baseline: number | null; baselineYear: number | null; baselineSource: string | null;
  target: number | null; targetYear: number | null; direction: IndicatorDirection; disaggregation: Disaggregation[];
  /** From the newest approved progress update of the activity; null when that update has no value for it. */
  latest: { value: number | null; breakdown: Record<string, Record<string, number>> | null } | null;
}
export interface ActivityDetail {
  id: string; code: string; title: string; titles: Localized; description: string; expectedResults: string;
  plannedStart: Date | null; plannedEnd: Date | null; budget: number | null; currency: string | null; fundingSource: string | null;
  status: ActivityStatus; percentComplete: number; version: number; archived: boolean; overdue: boolean; updatedAt: Date;
  plan: PlanRef; section: { id: string; code: string; title: string; titles: Localized; pillar: Pillar | null };
  objective: { id: string; code: string; title: string; titles: Localized };
  leadAgency: AgencyRef | null; partners: AgencyRef[]; indicators: IndicatorDetail[];
  /** The progress update the latest values come from. */
  latestApproved: { periodLabel: string; periodEnd: Date; reviewedAt: Date | null } | null;
}

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));
const agencyRefSelect = { id: true, name: true, names: true } as const;
const toAgency = (a: { id: string; name: string; names: unknown }): AgencyRef => ({ id: a.id, name: a.name, names: names(a.names) });

function disaggregationOf(v: unknown): Disaggregation[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((d) =>
    d && typeof d.dimension === "string" ? [{ dimension: d.dimension, categories: Array.isArray(d.categories) ? d.categories.map(String) : [] }] : [],
  );
}

/** Everything about one activity of this tenant; another tenant's, or one in an archived plan, is NotFound. */
export async function getActivityDetail(ctx: TenantContext, activityId: string, opts: QueryOptions = {}): Promise<ActivityDetail> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const [a, approved] = await Promise.all([
    db.activity.findFirst({
      where: { id: activityId, tenantId, plan: { archivedAt: null } },
      select: {
        id: true, code: true, title: true, titles: true, description: true, expectedResults: true, plannedStart: true, plannedEnd: true,
        budget: true, currency: true, fundingSource: true, status: true, percentComplete: true, version: true, archivedAt: true, updatedAt: true,
        plan: { select: planSelect },
        objective: { select: { id: true, code: true, title: true, titles: true, section: { select: { id: true, code: true, title: true, titles: true, pillar: true } } } },
        leadAgency: { select: agencyRefSelect },
        partners: { select: { agency: { select: agencyRefSelect } }, orderBy: { agency: { name: "asc" } } },
        indicators: {
          where: { archivedAt: null },
          orderBy: [{ position: "asc" }, { createdAt: "asc" }],
          select: {
            id: true, name: true, names: true, unit: true, unitLabel: true, baseline: true, baselineYear: true, baselineSource: true,
            target: true, targetYear: true, direction: true, disaggregation: true,
          },
        },
      },
    }),
    // "Latest" is by the period the update reports on, not by when it was approved.
    db.progressUpdate.findFirst({
      where: { tenantId, activityId, status: "APPROVED" },
      orderBy: [{ period: { endDate: "desc" } }, { reviewedAt: "desc" }],
      select: { reviewedAt: true, period: { select: { label: true, endDate: true } }, values: { select: { indicatorId: true, value: true, breakdown: true } } },
    }),
  ]);
  if (!a) throw new NotFoundError("activity");
  const values = new Map((approved?.values ?? []).map((v) => [v.indicatorId, v]));
  const { objective, plan, leadAgency, partners, indicators, budget, archivedAt, ...rest } = a;
  return {
    ...rest, titles: names(a.titles), budget: num(budget), archived: Boolean(archivedAt),
    overdue: isOverdue(a, startOfDay(opts.today ?? new Date())),
    plan: { ...plan, titles: names(plan.titles) },
    section: { ...objective.section, titles: names(objective.section.titles) },
    objective: { id: objective.id, code: objective.code, title: objective.title, titles: names(objective.titles) },
    leadAgency: leadAgency ? toAgency(leadAgency) : null,
    partners: partners.map((p) => toAgency(p.agency)),
    indicators: indicators.map((i) => {
      const v = approved ? values.get(i.id) : undefined;
      return {
        ...i, names: names(i.names), baseline: num(i.baseline), target: num(i.target), disaggregation: disaggregationOf(i.disaggregation),
        latest: v ? { value: num(v.value), breakdown: (v.breakdown ?? null) as Record<string, Record<string, number>> | null } : null,
      };
    }),
    latestApproved: approved ? { periodLabel: approved.period.label, periodEnd: approved.period.endDate, reviewedAt: approved.reviewedAt } : null,
  };
}

// ---- An agency's activities, across the tenant's plans ----
export type AgencyActivityRow = ActivityRow & { role: "lead" | "partner"; plan: { id: string; title: string; titles: Localized; status: PlanStatus } };

/** The agency's activities in the tenant's plans that are not archived. */
const agencyWhere = (tenantId: string, agencyId: string) => Prisma.sql`${shown(tenantId)} AND ${involves(tenantId, agencyId)} AND p."archivedAt" IS NULL`;
const PLAN_JOIN = Prisma.sql`JOIN "Plan" p ON p."tenantId" = a."tenantId" AND p.id = a."planId"`;

/** Everything the agency leads or partners in, newest plan first, codes in natural order: one statement. */
async function agencyActivityRows(db: Db, tenantId: string, agencyId: string, today: Date): Promise<AgencyActivityRow[]> {
  const rows = await db.$queryRaw<(RawRow & { planId: string; planTitle: string; planTitles: unknown; planStatus: PlanStatus; role: "lead" | "partner" })[]>`
    SELECT ${COLUMNS}, p.id AS "planId", p.title AS "planTitle", p.titles AS "planTitles", p.status::text AS "planStatus",
      CASE WHEN a."leadAgencyId" = ${agencyId} THEN 'lead' ELSE 'partner' END AS role
    FROM "Activity" a ${PLAN_JOIN} ${LEAD_JOIN}
    WHERE ${agencyWhere(tenantId, agencyId)}
    ORDER BY p."startDate" DESC, p.id, ${NATURAL_CODE}, a.id`;
  return rows.map((r) => ({
    ...toRow(r, today), role: r.role, plan: { id: r.planId, title: r.planTitle, titles: names(r.planTitles), status: r.planStatus },
  }));
}

export interface MyActivities { agency: AgencyRef | null; rows: AgencyActivityRow[] }

/** A focal point's activities: those their agency leads or partners in. Other roles have none (agency null). */
export async function listMyActivities(ctx: TenantContext, opts: QueryOptions = {}): Promise<MyActivities> {
  requirePermission(ctx, "tenant.view");
  if (ctx.role !== "FOCAL_POINT" || !ctx.agencyId) return { agency: null, rows: [] };
  const db = await getDb();
  const [agency, rows] = await Promise.all([
    db.agency.findFirst({ where: { id: ctx.agencyId, tenantId: ctx.tenant.id }, select: agencyRefSelect }),
    agencyActivityRows(db, ctx.tenant.id, ctx.agencyId, startOfDay(opts.today ?? new Date())),
  ]);
  return agency ? { agency: toAgency(agency), rows } : { agency: null, rows: [] };
}

export type StatusCounts = Record<ActivityStatus, number>;
export interface AgencyOverview {
  agency: AgencyRef & { nameRu: string | null; shortName: string | null; kind: AgencyKind; archived: boolean };
  /** Per plan (newest first): counts by status and overdue, computed by the database, and the activities. */
  plans: { plan: AgencyActivityRow["plan"]; counts: StatusCounts; total: number; overdue: number; rows: AgencyActivityRow[] }[];
  totals: { counts: StatusCounts; total: number; overdue: number };
}

const emptyCounts = (): StatusCounts => ({ NOT_STARTED: 0, IN_PROGRESS: 0, COMPLETED: 0, DELAYED: 0, CANCELLED: 0 });

/** An agency of this tenant with everything it leads or partners in; three statements, run together. */
export async function getAgencyOverview(ctx: TenantContext, agencyId: string, opts: QueryOptions = {}): Promise<AgencyOverview> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const today = startOfDay(opts.today ?? new Date());
  const [agency, rows, groups] = await Promise.all([
    db.agency.findFirst({ where: { id: agencyId, tenantId }, select: { id: true, name: true, names: true, shortName: true, kind: true, archivedAt: true } }),
    agencyActivityRows(db, tenantId, agencyId, today),
    // Counted by the database over the same rows the table lists, so the two always agree.
    db.$queryRaw<{ planId: string; status: ActivityStatus; n: number; overdue: number }[]>`
      SELECT a."planId", a.status::text AS status, count(*)::int AS n, (count(*) FILTER (WHERE ${overdueSql(isoDay(today))}))::int AS overdue
      FROM "Activity" a ${PLAN_JOIN} WHERE ${agencyWhere(tenantId, agencyId)} GROUP BY a."planId", a.status`,
  ]);
  if (!agency) throw new NotFoundError("agency");
  const totals = { counts: emptyCounts(), total: 0, overdue: 0 };
  const plans = new Map<string, AgencyOverview["plans"][number]>();
  for (const row of rows) {
    if (!plans.has(row.plan.id)) plans.set(row.plan.id, { plan: row.plan, counts: emptyCounts(), total: 0, overdue: 0, rows: [] });
    plans.get(row.plan.id)!.rows.push(row);
  }
  for (const g of groups) {
    for (const bucket of [plans.get(g.planId), totals]) {
      if (!bucket) continue;
      bucket.counts[g.status] += Number(g.n);
      bucket.total += Number(g.n);
      bucket.overdue += Number(g.overdue);
    }
  }
  const n = names(agency.names);
  return {
    agency: { id: agency.id, name: agency.name, names: n, nameRu: n.ru ?? null, shortName: agency.shortName, kind: agency.kind, archived: Boolean(agency.archivedAt) },
    plans: [...plans.values()],
    totals,
  };
}
