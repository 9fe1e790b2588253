import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus, PlanStatus, Pillar } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { ConflictError, NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { canChangePlanStatus, INITIAL_PLAN_STATUSES } from "@/lib/domain/plan-status";
import { dayString, planDatesError } from "@/lib/validation/plans";
import { recordAudit } from "./audit";
import { requirePermission, type TenantContext } from "./context";
import { requireEditablePlan } from "./plan-guards";

type Tx = Prisma.TransactionClient;

export type Localized = Record<string, string>;

/** The order of sections, objectives and activities; ties (equal positions) fall back to age, then id. */
export const STRUCTURE_ORDER: ({ position: "asc" } | { createdAt: "asc" } | { id: "asc" })[] = [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }];

export interface PlanSummary {
  id: string;
  title: string;
  titles: Localized;
  status: PlanStatus;
  startDate: Date;
  endDate: Date;
  activities: number;
  completed: number;
  overdue: number;
}

/** The tenant's plans with activity counts, aggregated in SQL (one query for all plans). */
export async function listPlans(ctx: TenantContext, today = new Date()): Promise<PlanSummary[]> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const [plans, byStatus, overdue] = await Promise.all([
    db.plan.findMany({
      where: { tenantId, archivedAt: null },
      select: { id: true, title: true, titles: true, status: true, startDate: true, endDate: true },
      orderBy: [{ startDate: "desc" }],
    }),
    db.activity.groupBy({ by: ["planId", "status"], where: { tenantId, archivedAt: null }, _count: { _all: true } }),
    db.activity.groupBy({
      by: ["planId"],
      where: { tenantId, archivedAt: null, plannedEnd: { lt: today }, status: { notIn: ["COMPLETED", "CANCELLED"] } },
      _count: { _all: true },
    }),
  ]);
  return plans.map((p) => {
    const rows = byStatus.filter((r) => r.planId === p.id);
    return {
      ...p,
      titles: (p.titles ?? {}) as Localized,
      activities: rows.reduce((n, r) => n + r._count._all, 0),
      completed: rows.find((r) => r.status === "COMPLETED")?._count._all ?? 0,
      overdue: overdue.find((r) => r.planId === p.id)?._count._all ?? 0,
    };
  });
}

export interface PlanTree {
  id: string;
  title: string;
  titles: Localized;
  description: string;
  status: PlanStatus;
  startDate: Date;
  endDate: Date;
  predecessor: { id: string; title: string; titles: Localized } | null;
  version: number;
  sections: {
    id: string;
    code: string;
    title: string;
    titles: Localized;
    pillar: Pillar | null;
    position: number;
    version: number;
    /** Never held an objective (archived ones count): may be deleted rather than archived. */
    deletable: boolean;
    objectives: {
      id: string;
      code: string;
      title: string;
      titles: Localized;
      position: number;
      version: number;
      /** Never held an activity or indicator: may be deleted rather than archived. */
      deletable: boolean;
      activities: {
        id: string;
        position: number;
        code: string;
        title: string;
        titles: Localized;
        status: ActivityStatus;
        percentComplete: number;
        plannedEnd: Date | null;
        leadAgency: { id: string; name: string; names: Localized } | null;
      }[];
    }[];
  }[];
}

/** A plan with its sections, objectives and activities, in four queries whatever its size. */
export async function getPlanTree(ctx: TenantContext, planId: string): Promise<PlanTree> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const plan = await db.plan.findFirst({
    where: { id: planId, tenantId, archivedAt: null },
    select: {
      id: true, title: true, titles: true, description: true, status: true, startDate: true, endDate: true, version: true,
      predecessor: { select: { id: true, title: true, titles: true } },
    },
  });
  if (!plan) throw new NotFoundError("plan");
  const [sections, objectives, activities] = await Promise.all([
    db.section.findMany({
      where: { tenantId, planId, archivedAt: null },
      select: { id: true, code: true, title: true, titles: true, pillar: true, position: true, version: true, _count: { select: { objectives: true } } },
      orderBy: STRUCTURE_ORDER,
    }),
    db.objective.findMany({
      where: { tenantId, planId, archivedAt: null },
      select: {
        id: true, sectionId: true, code: true, title: true, titles: true, position: true, version: true,
        _count: { select: { activities: true, indicators: true } },
      },
      orderBy: STRUCTURE_ORDER,
    }),
    db.activity.findMany({
      where: { tenantId, planId, archivedAt: null },
      select: {
        id: true, objectiveId: true, code: true, title: true, titles: true, status: true, percentComplete: true, plannedEnd: true, position: true,
        leadAgency: { select: { id: true, name: true, names: true } },
      },
      orderBy: STRUCTURE_ORDER,
    }),
  ]);
  const objectivesBySection = groupBy(objectives, (o) => o.sectionId);
  const activitiesByObjective = groupBy(activities, (a) => a.objectiveId);
  return {
    ...plan,
    titles: plan.titles as Localized,
    predecessor: plan.predecessor ? { ...plan.predecessor, titles: plan.predecessor.titles as Localized } : null,
    sections: sections.map(({ _count: sc, ...s }) => ({
      ...s,
      titles: s.titles as Localized,
      deletable: sc.objectives === 0,
      objectives: (objectivesBySection.get(s.id) ?? [])
        .map(({ sectionId: _s, _count: oc, ...o }) => ({
          ...o,
          titles: o.titles as Localized,
          deletable: oc.activities === 0 && oc.indicators === 0,
          activities: (activitiesByObjective.get(o.id) ?? [])
            .map(({ objectiveId: _o, leadAgency, ...a }) => ({
              ...a,
              titles: a.titles as Localized,
              leadAgency: leadAgency ? { ...leadAgency, names: leadAgency.names as Localized } : null,
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

// ---- Managing plans (admin, coordinator) ----

/** Every new plan starts with the four pillars; sections can then be renamed, added or archived. */
export const DEFAULT_SECTIONS: { code: string; title: string; ru: string; pillar: Pillar }[] = [
  { code: "1", title: "Prevention", ru: "Предупреждение", pillar: "PREVENTION" },
  { code: "2", title: "Protection", ru: "Защита", pillar: "PROTECTION" },
  { code: "3", title: "Prosecution", ru: "Уголовное преследование", pillar: "PROSECUTION" },
  { code: "4", title: "Partnership", ru: "Партнёрство", pillar: "PARTNERSHIP" },
];

export interface PlanInput {
  title: string;
  titleRu: string | null;
  description: string;
  startDate: Date;
  endDate: Date;
  status: PlanStatus;
  predecessorId: string | null;
}

/** A plan as its edit form needs it; dates as "YYYY-MM-DD". */
export interface PlanForEdit {
  id: string;
  version: number;
  title: string;
  titleRu: string | null;
  description: string;
  startDate: string;
  endDate: string;
  status: PlanStatus;
  predecessorId: string | null;
  /** A draft without history (activities, reporting periods, successor plans) may be deleted; others are archived. */
  deletable: boolean;
}

const editSelect = {
  id: true, version: true, title: true, titles: true, description: true, startDate: true, endDate: true, status: true, predecessorId: true,
  _count: { select: { activities: true, periods: true, successors: true } },
} as const;

type EditRow = Prisma.PlanGetPayload<{ select: typeof editSelect }>;

function toEdit(p: EditRow): PlanForEdit {
  const history = p._count.activities + p._count.periods + p._count.successors;
  return {
    id: p.id, version: p.version, title: p.title, titleRu: (p.titles as Localized).ru ?? null, description: p.description,
    startDate: dayString(p.startDate), endDate: dayString(p.endDate), status: p.status, predecessorId: p.predecessorId,
    deletable: p.status === "DRAFT" && history === 0,
  };
}

function toData(input: PlanInput) {
  return {
    title: input.title.trim(), titles: input.titleRu?.trim() ? { ru: input.titleRu.trim() } : {}, description: input.description.trim(),
    startDate: input.startDate, endDate: input.endDate, predecessorId: input.predecessorId || null,
  };
}

/** What an audit event says about a plan: comparable before/after, dates as days. */
function auditView(p: { title: string; titles: unknown; description: string; startDate: Date; endDate: Date; status: PlanStatus; predecessorId: string | null }) {
  return { title: p.title, titles: p.titles, description: p.description, startDate: dayString(p.startDate), endDate: dayString(p.endDate), status: p.status, predecessorId: p.predecessorId };
}

export async function getPlanForEdit(ctx: TenantContext, planId: string): Promise<PlanForEdit> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  const plan = await db.plan.findFirst({ where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null }, select: editSelect });
  if (!plan) throw new NotFoundError("plan");
  return toEdit(plan);
}

/** The tenant's plans a plan may follow (newest first), for the predecessor choice. */
export async function listPlanChoices(ctx: TenantContext): Promise<{ id: string; title: string; titles: Localized }[]> {
  requirePermission(ctx, "tenant.view");
  const db = await getDb();
  const plans = await db.plan.findMany({ where: { tenantId: ctx.tenant.id, archivedAt: null }, select: { id: true, title: true, titles: true }, orderBy: { startDate: "desc" } });
  return plans.map((p) => ({ ...p, titles: p.titles as Localized }));
}

/** Dates in order; a predecessor of this tenant that is not the plan itself nor one of its successors. */
async function checkPlanInput(tx: Tx, ctx: TenantContext, input: PlanInput, current?: { id: string; predecessorId: string | null }): Promise<void> {
  const fieldErrors: Record<string, MessageRef> = {};
  const dates = planDatesError(input.startDate, input.endDate);
  if (dates) fieldErrors.endDate = dates;
  const predecessorId = input.predecessorId || null;
  if (predecessorId && predecessorId !== current?.predecessorId) {
    // One small query for the tenant's whole succession graph; plans number in the tens.
    const plans = await tx.plan.findMany({ where: { tenantId: ctx.tenant.id }, select: { id: true, predecessorId: true, archivedAt: true } });
    const byId = new Map(plans.map((p) => [p.id, p]));
    const chosen = byId.get(predecessorId);
    if (!chosen || chosen.archivedAt) fieldErrors.predecessorId = { key: "planAdmin.validation.predecessorMissing" };
    else if (current && followsFrom(predecessorId, current.id, byId)) fieldErrors.predecessorId = { key: "planAdmin.validation.predecessorCycle" };
  }
  if (Object.keys(fieldErrors).length > 0) throw new RuleError("errors.invalidInput", fieldErrors);
}

/** True when walking predecessors from `start` reaches `target` (start itself included). */
function followsFrom(start: string, target: string, byId: Map<string, { predecessorId: string | null }>): boolean {
  const seen = new Set<string>();
  for (let id: string | null = start; id && !seen.has(id); id = byId.get(id)?.predecessorId ?? null) {
    if (id === target) return true;
    seen.add(id);
  }
  return false;
}

/** A new plan, in draft unless told it is already running, with the four pillar sections. */
export async function createPlan(ctx: TenantContext, input: PlanInput): Promise<{ id: string }> {
  requirePermission(ctx, "plans.manage");
  if (!INITIAL_PLAN_STATUSES.includes(input.status)) {
    throw new RuleError("errors.invalidInput", { status: { key: "planAdmin.validation.initialStatus" } });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await checkPlanInput(tx, ctx, input);
    const data = toData(input);
    const tenantId = ctx.tenant.id;
    const plan = await tx.plan.create({ data: { tenantId, ...data, status: input.status }, select: { id: true } });
    await tx.section.createMany({
      data: DEFAULT_SECTIONS.map((s, i) => ({ tenantId, planId: plan.id, code: s.code, title: s.title, titles: { ru: s.ru }, pillar: s.pillar, position: i + 1 })),
    });
    await recordAudit(tx, {
      tenantId, actor: ctx.user, action: "plan.created", entityType: "Plan", entityId: plan.id,
      after: { ...auditView({ ...data, status: input.status }), sections: DEFAULT_SECTIONS.map((s) => `${s.code}. ${s.title}`) },
    });
    return plan;
  });
}

/**
 * Saves over the version the form was loaded with. A closed plan is read-only: nothing reopens it,
 * and its details stay as they were closed. The status moves only forward (lib/domain/plan-status).
 */
export async function updatePlan(ctx: TenantContext, planId: string, version: number, input: PlanInput): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.plan.findFirst({ where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null }, select: editSelect });
    if (!before) throw new NotFoundError("plan");
    if (before.status === "CLOSED") throw new RuleError("errors.planClosed");
    if (before.version !== version) throw new ConflictError({ ...toEdit(before) });
    if (!canChangePlanStatus(before.status, input.status)) {
      throw new RuleError("errors.invalidInput", { status: { key: "planAdmin.validation.statusTransition" } });
    }
    await checkPlanInput(tx, ctx, input, before);
    const data = toData(input);
    const { count } = await tx.plan.updateMany({
      where: { id: planId, tenantId: ctx.tenant.id, version, status: before.status },
      data: { ...data, status: input.status, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError({ ...toEdit(before) });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: input.status === before.status ? "plan.updated" : input.status === "ACTIVE" ? "plan.activated" : "plan.closed",
      entityType: "Plan", entityId: planId, before: auditView(before), after: auditView({ ...data, status: input.status }),
    });
  });
}

/** Plans with history are archived, not deleted: they leave the lists, their records stay. */
export async function archivePlan(ctx: TenantContext, planId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const plan = await requireEditablePlan(tx, ctx, planId);
    await tx.plan.updateMany({ where: { id: planId, tenantId: ctx.tenant.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "plan.archived", entityType: "Plan", entityId: planId, before: { status: plan.status } });
  });
}

/** Only a draft that never had activities, reporting periods or successors is deleted (with its sections and objectives). */
export async function deletePlan(ctx: TenantContext, planId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    await requireEditablePlan(tx, ctx, planId);
    const plan = await tx.plan.findFirstOrThrow({ where: { id: planId, tenantId: ctx.tenant.id }, select: editSelect });
    if (!toEdit(plan).deletable) throw new RuleError(plan.status === "DRAFT" ? "planAdmin.hasHistory" : "planAdmin.onlyDraftDeleted");
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "plan.deleted", entityType: "Plan", entityId: planId, before: auditView(plan) });
    await tx.plan.deleteMany({ where: { id: planId, tenantId: ctx.tenant.id } });
  });
}
