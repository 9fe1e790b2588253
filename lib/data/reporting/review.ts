import "server-only";
// The coordinator's desk: the review queue (updates by period, pillar, agency and state), bulk
// approval of what needs no comment, the count of updates waiting, and the reporting compliance
// matrix (agencies x states for one period). Statement counts never depend on the number of rows:
// the queue is one page query and one count, the matrix one GROUP BY; names come with the rows.
import { Prisma } from "@/generated/prisma/client";
import { toIsoDay } from "@/lib/domain/day";
import type { Pillar, UpdateStatus } from "@/lib/domain/enums";
import { ConflictError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { refusal, type Refusal, type Standing } from "@/lib/domain/progress";
import { byText, readingOf, toTexts } from "@/lib/domain/texts";
import {
  DEFAULT_REVIEW_FILTERS,
  QUEUE_PAGE_SIZE,
  type ComplianceCounts,
  type ComplianceMatrix,
  type ReviewFilterOptions,
  type ReviewFilters,
  type ReviewPage,
  type ReviewRow,
} from "@/lib/validation/review";
import type { TenantContext } from "../context";
import { withTenant, type Tx } from "../door";
import { readingOrder, resolvePlan, shown, textKey } from "../activity-queries/sql";
import { approveMany } from "./updates";
import { todayOf } from "./shared";

/** Whether the tenant asks for the lead agency's sign-off first (as one SQL expression). */
const signOffSql = (tenantId: string) =>
  Prisma.sql`(SELECT t."agencySignOff" FROM "Tenant" t WHERE t.id = ${tenantId})`;

/**
 * The queue's rows, as `FROM ... WHERE ...` over "ProgressUpdate" u and its "Activity" a: updates
 * of activities that are shown (neither they nor their objective, section or plan archived). The
 * activity is joined by its key; objectives and plans are init plans (`= ANY(ARRAY(...))`, run
 * once per statement, a handful of ids). Without table statistics (the embedded database never
 * analyses) joining sections and objectives, or an IN-subquery, was planned as nested loops,
 * 3 to 1,000 times slower; matching each update against the list of activity ids was linear in
 * the plan's size. States are compared as the enum, so the indexes can serve.
 */
function queueFrom(tenantId: string, f: ReviewFilters): Prisma.Sql {
  const byPillar = f.pillar ? Prisma.sql`AND s.pillar::text = ${f.pillar}` : Prisma.empty;
  const c = [
    Prisma.sql`u."tenantId" = ${tenantId} AND a."archivedAt" IS NULL`,
    Prisma.sql`a."objectiveId" = ANY(ARRAY(
      SELECT o.id FROM "Objective" o JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"
      WHERE o."tenantId" = ${tenantId} AND o."archivedAt" IS NULL AND s."archivedAt" IS NULL ${byPillar}))`,
    Prisma.sql`a."planId" = ANY(ARRAY(SELECT pl.id FROM "Plan" pl WHERE pl."tenantId" = ${tenantId} AND pl."archivedAt" IS NULL))`,
  ];
  // The agency's activities as a list of ids too: a condition on a's lead agency made the planner
  // look activities up by agency once per update instead of by key.
  if (f.agencyId)
    c.push(
      Prisma.sql`u."activityId" = ANY(ARRAY(SELECT x.id FROM "Activity" x WHERE x."tenantId" = ${tenantId} AND x."leadAgencyId" = ${f.agencyId}))`,
    );
  if (f.periodId) c.push(Prisma.sql`u."periodId" = ${f.periodId}`);
  if (f.state === "waiting") c.push(Prisma.sql`u.status IN ('SUBMITTED', 'SIGNED_OFF')`);
  else if (f.state !== "all") c.push(Prisma.sql`u.status = ${f.state}::"UpdateStatus"`);
  return Prisma.sql`FROM "ProgressUpdate" u JOIN "Activity" a ON a."tenantId" = u."tenantId" AND a.id = u."activityId"
    WHERE ${Prisma.join(c, " AND ")}`;
}

interface QueueRaw {
  id: string;
  version: number;
  status: UpdateStatus;
  submittedAt: Date | null;
  submittedById: string | null;
  submittedByName: string | null;
  activityId: string;
  code: string;
  title: unknown;
  pillar: Pillar | null;
  leadId: string | null;
  leadName: unknown;
  periodId: string;
  periodLabel: unknown;
}

/** A reviewer's standing to an update: only whether they submitted it matters to approving and returning. */
const reviewerStanding = (ctx: TenantContext, submittedById: string | null): Standing => ({
  role: ctx.role,
  ofLeadAgency: false,
  primaryOfLeadAgency: false,
  submittedIt: Boolean(submittedById && submittedById === ctx.user.id),
});

function approveRefusalOf(
  ctx: TenantContext,
  row: { status: UpdateStatus; submittedById: string | null },
  agencySignOff: boolean,
): Refusal | null {
  // Approving and returning do not depend on the period's lock (only writing the content does).
  const facts = { status: row.status, agencySignOff, periodAcceptsReports: true };
  return refusal("approve", facts, reviewerStanding(ctx, row.submittedById));
}

function toReviewRow(ctx: TenantContext, r: QueueRaw, agencySignOff: boolean): ReviewRow {
  const facts = { status: r.status, agencySignOff, periodAcceptsReports: true };
  const approveRefusal = approveRefusalOf(ctx, r, agencySignOff);
  return {
    id: r.id,
    version: Number(r.version),
    status: r.status,
    activity: { id: r.activityId, code: r.code, title: toTexts(r.title) },
    pillar: r.pillar,
    leadAgency: r.leadId ? { id: r.leadId, name: toTexts(r.leadName) } : null,
    period: { id: r.periodId, label: toTexts(r.periodLabel) },
    submittedBy: r.submittedByName,
    submittedAt: r.submittedAt,
    approvable: approveRefusal === null,
    approveRefusal,
    returnable: refusal("return", facts, reviewerStanding(ctx, r.submittedById)) === null,
  };
}

/**
 * One page of the review queue, the longest waiting first, with the total: two statements (the
 * page's ids with the total, then their rows with names and the tenant's sign-off rule) in one
 * door, whatever the number of rows; two more only for a page past the end.
 */
export async function reviewQueue(
  ctx: TenantContext,
  filters: Partial<ReviewFilters> = {},
  opts: { size?: number } = {},
): Promise<ReviewPage> {
  const f = { ...DEFAULT_REVIEW_FILTERS, ...filters };
  const size = Math.min(100, Math.max(1, Math.floor(opts.size ?? QUEUE_PAGE_SIZE)));
  const requested = Math.max(1, Math.floor(f.page) || 1);
  return withTenant(ctx, "progress.review", async (tx) => {
    const tenantId = ctx.tenant.id;
    const from = queueFrom(tenantId, f);
    // The page's ids with the total (a window over every matching row, before LIMIT), then the
    // rows of those ids only: joined in one statement, the planner joined every update's names
    // first and matched the page against each of them.
    const pick = (n: number) => tx.$queryRaw<{ id: string; total: number }[]>`
      SELECT u.id, count(*) OVER ()::int AS total ${from}
      ORDER BY u."submittedAt" ASC NULLS LAST, u."updatedAt" ASC, u.id LIMIT ${size} OFFSET ${(n - 1) * size}`;
    let picked = await pick(requested);
    let total = Number(picked[0]?.total ?? 0);
    if (picked.length === 0 && requested > 1) {
      // A page past the end (rows left the queue since): count, and show the last page instead.
      const [counted] = await tx.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from}`;
      total = Number(counted?.total ?? 0);
      if (total > 0) picked = await pick(Math.ceil(total / size));
    }
    const pageCount = Math.max(1, Math.ceil(total / size));
    const current = Math.min(requested, pageCount);
    const ids = picked.map((r) => r.id);
    const rows = await tx.$queryRaw<(QueueRaw & { signOff: boolean | null })[]>`
      SELECT u.id, u.version, u.status::text AS status, u."submittedAt", u."submittedById",
        sb.name AS "submittedByName", a.id AS "activityId", a.code, a.title, s.pillar::text AS pillar,
        la.id AS "leadId", la.name AS "leadName", p.id AS "periodId", p.label AS "periodLabel",
        ${signOffSql(tenantId)} AS "signOff"
      FROM "ProgressUpdate" u
      JOIN "Activity" a ON a."tenantId" = u."tenantId" AND a.id = u."activityId"
      JOIN "Objective" o ON o."tenantId" = a."tenantId" AND o.id = a."objectiveId"
      JOIN "Section" s ON s."tenantId" = o."tenantId" AND s.id = o."sectionId"
      JOIN "ReportingPeriod" p ON p."tenantId" = u."tenantId" AND p.id = u."periodId"
      LEFT JOIN "Agency" la ON la."tenantId" = a."tenantId" AND la.id = a."leadAgencyId"
      LEFT JOIN "User" sb ON sb.id = u."submittedById"
      WHERE u."tenantId" = ${tenantId} AND u.id = ANY(${ids}::text[])
      ORDER BY array_position(${ids}::text[], u.id)`;
    const agencySignOff = Boolean(rows[0]?.signOff);
    return { rows: rows.map((r) => toReviewRow(ctx, r, agencySignOff)), total, page: current, size, pageCount };
  });
}

/** What the queue's filters offer: the periods of the tenant's plans (newest first) and its agencies. */
export async function reviewFilterOptions(ctx: TenantContext, locale?: string): Promise<ReviewFilterOptions> {
  return withTenant(ctx, "progress.review", async (tx) => {
    const tenantId = ctx.tenant.id;
    const [periods, agencies] = await Promise.all([
      tx.reportingPeriod.findMany({
        where: { tenantId, plan: { archivedAt: null } },
        select: { id: true, label: true, startDate: true, plan: { select: { title: true } } },
        orderBy: [{ startDate: "desc" }, { id: "asc" }],
      }),
      tx.agency.findMany({ where: { tenantId }, select: { id: true, name: true } }),
    ]);
    return {
      periods: periods.map((p) => ({
        id: p.id,
        label: toTexts(p.label),
        planTitle: toTexts(p.plan.title),
        startDate: toIsoDay(p.startDate),
      })),
      agencies: byText(
        agencies.map((a) => ({ id: a.id, name: toTexts(a.name) })),
        (a) => a.name,
        readingOf(ctx.tenant, locale),
      ),
    };
  });
}

/**
 * The number of updates waiting for this reviewer (for the header): signed off, or submitted when
 * the tenant asks for no sign-off. One count; 0 for roles that do not review.
 */
export async function countAwaitingReview(ctx: TenantContext): Promise<number> {
  if (ctx.role !== "ADMIN" && ctx.role !== "COORDINATOR") return 0;
  return withTenant(ctx, "progress.review", async (tx) => {
    const tenantId = ctx.tenant.id;
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n ${queueFrom(tenantId, { ...DEFAULT_REVIEW_FILTERS, state: "all" })}
        AND (u.status = 'SIGNED_OFF' OR (u.status = 'SUBMITTED' AND NOT COALESCE(${signOffSql(tenantId)}, false)))`;
    return Number(row?.n ?? 0);
  });
}

export type SkipReason = Refusal | "stale" | "notFound";
export interface BulkResult {
  approved: { id: string; code: string }[];
  skipped: { id: string; code: string | null; reason: SkipReason }[];
}

/**
 * Approves the selected updates that need no comment and that this person may approve: those
 * they submitted themselves, those waiting for the agency's sign-off, those not waiting for
 * review and those changed since the queue showed them are skipped, each with its reason. The
 * check is one query; the approvals go through approveMany (each checked again there, in one
 * transaction: if one changed in between, none is approved and the caller is told).
 */
export async function approveSelected(
  ctx: TenantContext,
  items: { updateId: string; version: number }[],
  opts: { today?: Date } = {},
): Promise<BulkResult> {
  const ids = [...new Set(items.map((i) => i.updateId))];
  const { rows, agencySignOff } = await withTenant(ctx, "progress.review", async (tx) => {
    const found = await tx.progressUpdate.findMany({
      where: {
        tenantId: ctx.tenant.id,
        id: { in: ids },
        activity: { archivedAt: null, plan: { archivedAt: null } },
      },
      select: { id: true, version: true, status: true, submittedById: true, activity: { select: { code: true } } },
    });
    return { rows: found, agencySignOff: await signOffOf(tx, ctx.tenant.id) };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: BulkResult = { approved: [], skipped: [] };
  const ready: { updateId: string; version: number }[] = [];
  for (const item of items) {
    const row = byId.get(item.updateId);
    if (!row) {
      result.skipped.push({ id: item.updateId, code: null, reason: "notFound" });
      continue;
    }
    const why: SkipReason | null =
      approveRefusalOf(ctx, row, agencySignOff) ?? (row.version !== item.version ? "stale" : null);
    if (why) result.skipped.push({ id: row.id, code: row.activity.code, reason: why });
    else {
      ready.push(item);
      result.approved.push({ id: row.id, code: row.activity.code });
    }
  }
  if (ready.length) {
    try {
      await approveMany(ctx, ready, opts);
    } catch (error) {
      if (error instanceof ConflictError || error instanceof RuleError || error instanceof NotFoundError)
        throw new RuleError("review.bulk.changedMeanwhile");
      throw error;
    }
  }
  return result;
}

async function signOffOf(tx: Tx, tenantId: string): Promise<boolean> {
  const t = await tx.tenant.findUnique({ where: { id: tenantId }, select: { agencySignOff: true } });
  return Boolean(t?.agencySignOff);
}

// Compliance --------------------------------------------------------------------------------------

interface MatrixRaw {
  agencyId: string | null;
  name: unknown;
  due: number;
  draft: number;
  submitted: number;
  approved: number;
  returned: number;
  missing: number;
  onTime: number;
  onTimeRate: number | null;
}

const countsOf = (r: MatrixRaw): ComplianceCounts => ({
  due: Number(r.due),
  draft: Number(r.draft),
  submitted: Number(r.submitted),
  approved: Number(r.approved),
  returned: Number(r.returned),
  missing: Number(r.missing),
  onTime: Number(r.onTime),
  onTimeRate: r.onTimeRate === null ? null : Number(r.onTimeRate),
});

const EMPTY: ComplianceCounts = {
  due: 0,
  draft: 0,
  submitted: 0,
  approved: 0,
  returned: 0,
  missing: 0,
  onTime: 0,
  onTimeRate: null,
};

/**
 * Reporting compliance for one period: for each agency that leads activities of the plan, the
 * activities due (led by it, planned span overlapping the period, not cancelled or archived) and
 * their updates by state, the missing ones, and the on-time rate (updates submitted on or before
 * the due date, over the activities due). One GROUP BY (with the totals as a grouping set).
 * Without a period: the plan's (given, else the active one's) latest period that has opened.
 */
export async function complianceMatrix(
  ctx: TenantContext,
  args: { periodId?: string | null; planId?: string | null } = {},
  opts: { today?: Date; locale?: string } = {},
): Promise<ComplianceMatrix> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.review", async (tx) => {
    const tenantId = ctx.tenant.id;
    let planId: string | null = null;
    if (args.periodId) {
      const chosen = await tx.reportingPeriod.findFirst({
        where: { id: args.periodId, tenantId, plan: { archivedAt: null } },
        select: { planId: true },
      });
      if (!chosen) throw new NotFoundError("period");
      planId = chosen.planId;
    } else {
      planId = (await resolvePlan(tx, ctx, args.planId ?? null)).plan?.id ?? null;
    }
    if (!planId) return { plan: null, period: null, periods: [], rows: [], totals: EMPTY };
    const [plan, periods] = await Promise.all([
      tx.plan.findFirst({ where: { id: planId, tenantId }, select: { id: true, title: true } }),
      tx.reportingPeriod.findMany({
        where: { tenantId, planId },
        select: { id: true, label: true, startDate: true, endDate: true, opensOn: true, dueDate: true },
        orderBy: [{ startDate: "asc" }, { id: "asc" }],
      }),
    ]);
    const period =
      periods.find((p) => p.id === args.periodId) ??
      periods.filter((p) => p.opensOn <= today).at(-1) ??
      periods[0] ??
      null;
    const base = {
      plan: plan ? { id: plan.id, title: toTexts(plan.title) } : null,
      periods: periods.map((p) => ({ id: p.id, label: toTexts(p.label) })),
    };
    if (!period) return { ...base, period: null, rows: [], totals: EMPTY };
    const start = toIsoDay(period.startDate);
    const end = toIsoDay(period.endDate);
    const due = toIsoDay(period.dueDate);
    const reading = readingOrder(ctx, opts.locale);
    const raw = await tx.$queryRaw<MatrixRaw[]>`
      WITH led AS (
        SELECT a.id, a."leadAgencyId" AS agency,
          (a.status::text <> 'CANCELLED'
            AND (a."plannedStart" IS NULL OR a."plannedStart" <= ${end}::date)
            AND (a."plannedEnd" IS NULL OR a."plannedEnd" >= ${start}::date)) AS due
        FROM "Activity" a
        WHERE ${shown(tenantId)} AND a."planId" = ${planId} AND a."leadAgencyId" IS NOT NULL
      ), counted AS (
        SELECT g.id AS "agencyId", g.name,
          count(*) FILTER (WHERE l.due)::int AS due,
          count(u.id) FILTER (WHERE u.status = 'DRAFT')::int AS draft,
          count(u.id) FILTER (WHERE u.status IN ('SUBMITTED', 'SIGNED_OFF'))::int AS submitted,
          count(u.id) FILTER (WHERE u.status = 'APPROVED')::int AS approved,
          count(u.id) FILTER (WHERE u.status = 'RETURNED')::int AS returned,
          count(*) FILTER (WHERE l.due AND u.id IS NULL)::int AS missing,
          count(u.id) FILTER (WHERE u.status <> 'DRAFT' AND u."submittedAt" < ${due}::date + 1)::int AS "onTime",
          GROUPING(g.id) AS total
        FROM led l
        JOIN "Agency" g ON g."tenantId" = ${tenantId} AND g.id = l.agency
        -- Each due activity's update by its key (a join was planned as a scan of the period's updates per activity).
        LEFT JOIN LATERAL (
          SELECT u.id, u.status, u."submittedAt" FROM "ProgressUpdate" u
          WHERE u."tenantId" = ${tenantId} AND u."activityId" = l.id AND u."periodId" = ${period.id}
          LIMIT 1 -- unique anyway; keeps the subquery its own, looked up by its key
        ) u ON l.due
        GROUP BY GROUPING SETS ((g.id, g.name), ())
      )
      SELECT c."agencyId", c.name, c.due, c.draft, c.submitted, c.approved, c.returned, c.missing, c."onTime",
        CASE WHEN c.due > 0 THEN round(100.0 * c."onTime" / c.due)::int END AS "onTimeRate"
      FROM counted c
      ORDER BY c.total, ${textKey(Prisma.sql`c.name`, reading)}, c."agencyId"`;
    const totalsRow = raw.find((r) => r.agencyId === null);
    return {
      ...base,
      period: { id: period.id, label: toTexts(period.label), startDate: start, endDate: end, dueDate: due },
      rows: raw
        .filter((r) => r.agencyId !== null)
        .map((r) => ({ agency: { id: r.agencyId!, name: toTexts(r.name) }, ...countsOf(r) })),
      totals: totalsRow ? countsOf(totalsRow) : EMPTY,
    };
  });
}
