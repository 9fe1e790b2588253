import "server-only";
// The filtered, sorted, paged list of a plan's activities, and what its filter form offers.
import { Prisma } from "@/generated/prisma/client";
import { startOfUtcDay, toIsoDay } from "@/lib/domain/day";
import { byText, readingOf, toTexts } from "@/lib/domain/texts";
import type { ActivityPage, FilterOptions, QueryOptions } from "@/lib/domain/types/activity-browse";
import {
  DEFAULT_FILTERS,
  DEFAULT_PAGE,
  DEFAULT_SORT,
  type ActivityFilters,
  type ActivitySort,
  type PageRequest,
} from "@/lib/validation/activity-filters";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import {
  LEAD_JOIN,
  NATURAL_CODE,
  columns,
  involves,
  isPartner,
  overdueSql,
  readingOrder,
  resolvePlan,
  shown,
  textKey,
  toAgency,
  toRow,
  type RawRow,
} from "./sql";

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
  // Every word must appear in the code, title or description, in any language: "train guards"
  // finds "Train 200 border guards", "обучение" its Russian title, whatever the reader reads in.
  for (const word of f.q.split(" ").filter(Boolean).slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    c.push(
      Prisma.sql`(a.code ILIKE ${pattern} OR nap_texts(a.title) ILIKE ${pattern} OR nap_texts(a.description) ILIKE ${pattern})`,
    );
  }
  return Prisma.join(c, " AND ");
}

function orderSql(sort: ActivitySort, reading: string[]): Prisma.Sql {
  const dir = Prisma.raw(sort.dir === "desc" ? "DESC" : "ASC");
  const key =
    {
      code: Prisma.sql`${NATURAL_CODE} ${dir}`,
      plannedEnd: Prisma.sql`a."plannedEnd" ${dir} NULLS LAST, ${NATURAL_CODE}`,
      status: Prisma.sql`a.status ${dir}, ${NATURAL_CODE}`,
      percent: Prisma.sql`a."percentComplete" ${dir}, ${NATURAL_CODE}`,
      title: Prisma.sql`${textKey(Prisma.sql`a.title`, reading)} ${dir}, ${NATURAL_CODE}`,
    }[sort.by] ?? NATURAL_CODE;
  return Prisma.sql`${key}, a.id`; // the id makes pages stable when everything else ties
}

/**
 * One page of a plan's activities, filtered and sorted, with the total: three statements (plan,
 * page, count) in one door whatever the sizes; a fourth only for a page past the end.
 */
export async function listActivities(
  ctx: TenantContext,
  filters: ActivityFilters = DEFAULT_FILTERS,
  sort: ActivitySort = DEFAULT_SORT,
  page: PageRequest = DEFAULT_PAGE,
  opts: QueryOptions = {},
): Promise<ActivityPage> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    // Callers other than the URL parser may pass anything: keep OFFSET and LIMIT sane.
    const size = Math.min(100, Math.max(1, Math.floor(page.size) || DEFAULT_PAGE.size));
    const requested = Math.max(1, Math.floor(page.page) || 1);
    const { plan } = await resolvePlan(tx, ctx, filters.plan);
    if (!plan) return { plan: null, rows: [], total: 0, page: 1, size, pageCount: 1 };
    const today = startOfUtcDay(opts.today ?? new Date());
    const where = whereSql(ctx.tenant.id, plan.id, filters, toIsoDay(today));
    const reading = readingOrder(ctx, opts.locale);
    const order = orderSql(sort, reading);
    // The page's ids are picked first, so names and partners are fetched for its rows only (a late
    // page would otherwise compute them for every row it skips).
    const fetchPage = (n: number) => tx.$queryRaw<RawRow[]>`
      SELECT ${columns(reading)} FROM (
        SELECT id, rn FROM (SELECT a.id, row_number() OVER (ORDER BY ${order}) AS rn FROM "Activity" a WHERE ${where}) ranked
        ORDER BY rn LIMIT ${size} OFFSET ${(n - 1) * size}
      ) pg
      JOIN "Activity" a ON a."tenantId" = ${ctx.tenant.id} AND a.id = pg.id ${LEAD_JOIN}
      ORDER BY pg.rn`;
    const rows = await fetchPage(requested);
    const counted = await tx.$queryRaw<
      { total: number }[]
    >`SELECT count(*)::int AS total FROM "Activity" a WHERE ${where}`;
    const total = Number(counted[0]?.total ?? 0);
    const pageCount = Math.max(1, Math.ceil(total / size));
    // A link to a page past the end (rows were removed since) shows the last page instead.
    const current = Math.min(requested, pageCount);
    const pageRows = current === requested ? rows : await fetchPage(current);
    return { plan, rows: pageRows.map((r) => toRow(r, today)), total, page: current, size, pageCount };
  });
}

/** What the filter form offers for the chosen (or default) plan. */
export async function getActivityFilterOptions(
  ctx: TenantContext,
  requestedPlan: string | null,
  locale?: string,
): Promise<FilterOptions> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    const tenantId = ctx.tenant.id;
    const { plans, plan } = await resolvePlan(tx, ctx, requestedPlan);
    const planId = plan?.id ?? "";
    const [sections, objectives, agencies] = await Promise.all([
      tx.section.findMany({
        where: { tenantId, planId, archivedAt: null },
        select: { id: true, code: true, title: true, pillar: true },
        orderBy: { position: "asc" },
      }),
      tx.objective.findMany({
        where: { tenantId, planId, archivedAt: null, section: { archivedAt: null } },
        select: { id: true, code: true, title: true, sectionId: true },
        orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
      }),
      tx.agency.findMany({ where: { tenantId }, select: { id: true, name: true, archivedAt: true } }),
    ]);
    return {
      plans,
      plan,
      sections: sections.map((s) => ({ ...s, title: toTexts(s.title) })),
      objectives: objectives.map((o) => ({ ...o, title: toTexts(o.title) })),
      agencies: byText(
        agencies.map(({ archivedAt, ...a }) => ({ ...toAgency(a), archived: Boolean(archivedAt) })),
        (a) => a.name,
        readingOf(ctx.tenant, locale),
      ),
    };
  });
}
