import "server-only";
// One activity as its page shows it: facts, agencies, indicators with the latest approved values.
import { startOfUtcDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import { isOverdue } from "@/lib/domain/overdue";
import { byText, readingOf, toTexts } from "@/lib/domain/texts";
import type { ActivityDetail, Disaggregation, QueryOptions } from "@/lib/domain/types/activity-browse";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { agencyRefSelect, planSelect, toAgency } from "./sql";

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));

function disaggregationOf(v: unknown): Disaggregation[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((d) =>
    d && typeof d.dimension === "string"
      ? [{ dimension: d.dimension, categories: Array.isArray(d.categories) ? d.categories.map(String) : [] }]
      : [],
  );
}

/** Everything about one activity of this tenant; another tenant's, or one in an archived plan, is NotFound. */
export async function getActivityDetail(
  ctx: TenantContext,
  activityId: string,
  opts: QueryOptions = {},
): Promise<ActivityDetail> {
  return withTenant(ctx, "tenant.view", async (tx) => {
    const tenantId = ctx.tenant.id;
    const [a, approved] = await Promise.all([
      tx.activity.findFirst({
        where: { id: activityId, tenantId, plan: { archivedAt: null } },
        select: {
          id: true,
          code: true,
          title: true,
          description: true,
          expectedResults: true,
          plannedStart: true,
          plannedEnd: true,
          budget: true,
          currency: true,
          fundingSource: true,
          status: true,
          percentComplete: true,
          version: true,
          archivedAt: true,
          updatedAt: true,
          plan: { select: planSelect },
          objective: {
            select: {
              id: true,
              code: true,
              title: true,
              section: { select: { id: true, code: true, title: true, pillar: true } },
            },
          },
          leadAgency: { select: agencyRefSelect },
          partners: { select: { agency: { select: agencyRefSelect } } },
          indicators: {
            where: { archivedAt: null },
            orderBy: [{ position: "asc" }, { createdAt: "asc" }],
            select: {
              id: true,
              name: true,
              unit: true,
              unitLabel: true,
              baseline: true,
              baselineYear: true,
              baselineSource: true,
              target: true,
              targetYear: true,
              direction: true,
              valueKind: true,
              disaggregation: true,
            },
          },
        },
      }),
      // "Latest" is by the period the update reports on, not by when it was approved.
      tx.progressUpdate.findFirst({
        where: { tenantId, activityId, status: "APPROVED" },
        orderBy: [{ period: { endDate: "desc" } }, { reviewedAt: "desc" }],
        select: {
          reviewedAt: true,
          period: { select: { label: true, endDate: true } },
          values: { select: { indicatorId: true, value: true, breakdown: true } },
        },
      }),
    ]);
    if (!a) throw new NotFoundError("activity");
    const values = new Map((approved?.values ?? []).map((v) => [v.indicatorId, v]));
    const { objective, plan, leadAgency, partners, indicators, budget, archivedAt, ...rest } = a;
    return {
      ...rest,
      title: toTexts(a.title),
      description: toTexts(a.description),
      expectedResults: toTexts(a.expectedResults),
      fundingSource: toTexts(a.fundingSource),
      budget: num(budget),
      archived: Boolean(archivedAt),
      overdue: isOverdue(a, startOfUtcDay(opts.today ?? new Date())),
      plan: { ...plan, title: toTexts(plan.title) },
      section: { ...objective.section, title: toTexts(objective.section.title) },
      objective: { id: objective.id, code: objective.code, title: toTexts(objective.title) },
      leadAgency: leadAgency ? toAgency(leadAgency) : null,
      partners: byText(
        partners.map((p) => toAgency(p.agency)),
        (p) => p.name,
        readingOf(ctx.tenant, opts.locale),
      ),
      indicators: indicators.map((i) => {
        const v = approved ? values.get(i.id) : undefined;
        return {
          ...i,
          name: toTexts(i.name),
          unitLabel: toTexts(i.unitLabel),
          baselineSource: toTexts(i.baselineSource),
          baseline: num(i.baseline),
          target: num(i.target),
          disaggregation: disaggregationOf(i.disaggregation),
          latest: v
            ? { value: num(v.value), breakdown: (v.breakdown ?? null) as Record<string, Record<string, number>> | null }
            : null,
        };
      }),
      latestApproved: approved
        ? {
            periodLabel: toTexts(approved.period.label),
            periodEnd: approved.period.endDate,
            reviewedAt: approved.reviewedAt,
          }
        : null,
    };
  });
}
