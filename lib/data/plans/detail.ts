import "server-only";
import { toTexts } from "@/lib/domain/texts";
import type { Prisma } from "@/generated/prisma/client";
import { toIsoDay } from "@/lib/domain/day";
import { NotFoundError } from "@/lib/domain/errors";
import type { PlanForEdit, PlanTree } from "@/lib/domain/types/plans";
import type { TenantContext } from "../context";
import { withTenant } from "../door";
import { STRUCTURE_ORDER } from "../structure/ordering";

/** A plan with its sections, objectives and activities, in four queries whatever its size. */
export async function getPlanTree(ctx: TenantContext, planId: string): Promise<PlanTree> {
  const tenantId = ctx.tenant.id;
  const { plan, sections, objectives, activities } = await withTenant(ctx, "tenant.view", async (tx) => {
    const plan = await tx.plan.findFirst({
      where: { id: planId, tenantId, archivedAt: null },
      select: {
        id: true,
        title: true,
        description: true,
        status: true,
        startDate: true,
        endDate: true,
        version: true,
        predecessor: { select: { id: true, title: true } },
      },
    });
    if (!plan) throw new NotFoundError("plan");
    const [sections, objectives, activities] = await Promise.all([
      tx.section.findMany({
        where: { tenantId, planId, archivedAt: null },
        select: {
          id: true,
          code: true,
          title: true,
          pillar: true,
          position: true,
          version: true,
          _count: { select: { objectives: true } },
        },
        orderBy: STRUCTURE_ORDER,
      }),
      tx.objective.findMany({
        where: { tenantId, planId, archivedAt: null },
        select: {
          id: true,
          sectionId: true,
          code: true,
          title: true,
          position: true,
          version: true,
          _count: { select: { activities: true, indicators: true } },
        },
        orderBy: STRUCTURE_ORDER,
      }),
      tx.activity.findMany({
        where: { tenantId, planId, archivedAt: null },
        select: {
          id: true,
          objectiveId: true,
          code: true,
          title: true,
          status: true,
          percentComplete: true,
          plannedEnd: true,
          position: true,
          leadAgency: { select: { id: true, name: true } },
        },
        orderBy: STRUCTURE_ORDER,
      }),
    ]);
    return { plan, sections, objectives, activities };
  });
  const objectivesBySection = groupBy(objectives, (o) => o.sectionId);
  const activitiesByObjective = groupBy(activities, (a) => a.objectiveId);
  return {
    ...plan,
    title: toTexts(plan.title),
    description: toTexts(plan.description),
    predecessor: plan.predecessor ? { ...plan.predecessor, title: toTexts(plan.predecessor.title) } : null,
    sections: sections.map(({ _count: sc, ...s }) => ({
      ...s,
      title: toTexts(s.title),
      deletable: sc.objectives === 0,
      objectives: (objectivesBySection.get(s.id) ?? []).map(({ sectionId: _s, _count: oc, ...o }) => ({
        ...o,
        title: toTexts(o.title),
        deletable: oc.activities === 0 && oc.indicators === 0,
        activities: (activitiesByObjective.get(o.id) ?? []).map(({ objectiveId: _o, leadAgency, ...a }) => ({
          ...a,
          title: toTexts(a.title),
          leadAgency: leadAgency ? { ...leadAgency, name: toTexts(leadAgency.name) } : null,
        })),
      })),
    })),
  };
}

/** Rows grouped by a key, keeping their order: one pass, so a plan of 1,000 activities stays linear. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

// ---- The edit form (admin, coordinator) ----

export const editSelect = {
  id: true,
  version: true,
  title: true,
  description: true,
  startDate: true,
  endDate: true,
  status: true,
  predecessorId: true,
  _count: { select: { activities: true, periods: true, successors: true } },
} as const;

export type EditRow = Prisma.PlanGetPayload<{ select: typeof editSelect }>;

export function toEdit(p: EditRow): PlanForEdit {
  const history = p._count.activities + p._count.periods + p._count.successors;
  return {
    id: p.id,
    version: p.version,
    title: toTexts(p.title),
    description: toTexts(p.description),
    startDate: toIsoDay(p.startDate),
    endDate: toIsoDay(p.endDate),
    status: p.status,
    predecessorId: p.predecessorId,
    deletable: p.status === "DRAFT" && history === 0,
  };
}

export async function getPlanForEdit(ctx: TenantContext, planId: string): Promise<PlanForEdit> {
  const plan = await withTenant(ctx, "plans.manage", (tx) =>
    tx.plan.findFirst({ where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null }, select: editSelect }),
  );
  if (!plan) throw new NotFoundError("plan");
  return toEdit(plan);
}
