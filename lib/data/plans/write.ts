import "server-only";
import type { Pillar, PlanStatus } from "@/generated/prisma/enums";
import { toIsoDay } from "@/lib/domain/day";
import { isOneOf } from "@/lib/domain/enums";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { canChangePlanStatus, INITIAL_PLAN_STATUSES } from "@/lib/domain/plan-status";
import { toTexts, type Texts } from "@/lib/domain/texts";
import { planDatesError } from "@/lib/validation/plans";
import type { TenantContext } from "../context";
import { saveOverVersion, withTenant, type Tx } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { failOnAny } from "../rule-errors";
import { editSelect, toEdit } from "./detail";

// Managing plans (admin, coordinator): each change is one door call, its checks and its audit
// event in the same transaction as the write.

/** Every new plan starts with the four pillars; sections can then be renamed, added or archived. */
export const DEFAULT_SECTIONS: { code: string; title: Texts; pillar: Pillar }[] = [
  { code: "1", title: { en: "Prevention", ru: "Предупреждение" }, pillar: "PREVENTION" },
  { code: "2", title: { en: "Protection", ru: "Защита" }, pillar: "PROTECTION" },
  { code: "3", title: { en: "Prosecution", ru: "Уголовное преследование" }, pillar: "PROSECUTION" },
  { code: "4", title: { en: "Partnership", ru: "Партнёрство" }, pillar: "PARTNERSHIP" },
];

export interface PlanInput {
  title: Texts;
  description: Texts;
  startDate: Date;
  endDate: Date;
  status: PlanStatus;
  predecessorId: string | null;
}

function toData(input: PlanInput) {
  return {
    title: toTexts(input.title),
    description: toTexts(input.description),
    startDate: input.startDate,
    endDate: input.endDate,
    predecessorId: input.predecessorId || null,
  };
}

/** What an audit event says about a plan: comparable before/after, dates as days. */
function auditView(p: {
  title: unknown;
  description: unknown;
  startDate: Date;
  endDate: Date;
  status: PlanStatus;
  predecessorId: string | null;
}) {
  return {
    title: toTexts(p.title),
    description: toTexts(p.description),
    startDate: toIsoDay(p.startDate),
    endDate: toIsoDay(p.endDate),
    status: p.status,
    predecessorId: p.predecessorId,
  };
}

/**
 * Dates in order; a predecessor of this tenant that is not the plan itself nor one of its
 * successors; for an edit, a status move the plan may make. Only the fields given are checked, and
 * every violation is returned at once.
 */
export async function planInputErrors(
  tx: Tx,
  ctx: TenantContext,
  input: Partial<PlanInput>,
  current?: { id: string; predecessorId: string | null; status: PlanStatus },
): Promise<Record<string, MessageRef>> {
  const fieldErrors: Record<string, MessageRef> = {};
  const dates = planDatesError(input.startDate, input.endDate);
  if (dates) fieldErrors.endDate = dates;
  const predecessorId = input.predecessorId || null;
  if (predecessorId && predecessorId !== current?.predecessorId) {
    // One small query for the tenant's whole succession graph; plans number in the tens.
    const plans = await tx.plan.findMany({
      where: { tenantId: ctx.tenant.id },
      select: { id: true, predecessorId: true, archivedAt: true },
    });
    const byId = new Map(plans.map((p) => [p.id, p]));
    const chosen = byId.get(predecessorId);
    if (!chosen || chosen.archivedAt) fieldErrors.predecessorId = { key: "planAdmin.validation.predecessorMissing" };
    else if (current && followsFrom(predecessorId, current.id, byId))
      fieldErrors.predecessorId = { key: "planAdmin.validation.predecessorCycle" };
  }
  if (current && input.status && !canChangePlanStatus(current.status, input.status))
    fieldErrors.status = { key: "planAdmin.validation.statusTransition" };
  return fieldErrors;
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
  return withTenant(ctx, "plans.manage", async (tx, audit) => {
    if (!isOneOf(INITIAL_PLAN_STATUSES, input.status)) {
      throw new RuleError("errors.invalidInput", { status: { key: "planAdmin.validation.initialStatus" } });
    }
    failOnAny(await planInputErrors(tx, ctx, input));
    const data = toData(input);
    const tenantId = ctx.tenant.id;
    const plan = await tx.plan.create({ data: { tenantId, ...data, status: input.status }, select: { id: true } });
    await tx.section.createMany({
      data: DEFAULT_SECTIONS.map((s, i) => ({
        tenantId,
        planId: plan.id,
        code: s.code,
        title: s.title,
        pillar: s.pillar,
        position: i + 1,
      })),
    });
    await audit({
      action: "plan.created",
      entityType: "Plan",
      entityId: plan.id,
      after: {
        ...auditView({ ...data, status: input.status }),
        sections: DEFAULT_SECTIONS.map((s) => `${s.code}. ${s.title.en}`),
      },
    });
    return plan;
  });
}

/**
 * Saves over the version the form was loaded with. A closed plan is read-only: nothing reopens it,
 * and its details stay as they were closed. The status moves only forward (lib/domain/plan-status).
 */
export async function updatePlan(ctx: TenantContext, planId: string, version: number, input: PlanInput): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const before = await tx.plan.findFirst({
      where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null },
      select: editSelect,
    });
    if (!before) throw new NotFoundError("plan");
    if (before.status === "CLOSED") throw new RuleError("errors.planClosed");
    const data = toData(input);
    // A stale version answers first, with the saved values, before the rules about the new ones.
    await saveOverVersion(
      before,
      version,
      (p) => ({ ...toEdit(p) }),
      async () => {
        failOnAny(await planInputErrors(tx, ctx, input, before));
        return tx.plan.updateMany({
          where: { id: planId, tenantId: ctx.tenant.id, version, status: before.status },
          data: { ...data, status: input.status, version: { increment: 1 } },
        });
      },
    );
    await audit({
      action:
        input.status === before.status ? "plan.updated" : input.status === "ACTIVE" ? "plan.activated" : "plan.closed",
      entityType: "Plan",
      entityId: planId,
      before: auditView(before),
      after: auditView({ ...data, status: input.status }),
    });
  });
}

/** Plans with history are archived, not deleted: they leave the lists, their records stay. */
export async function archivePlan(ctx: TenantContext, planId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const plan = await requireEditablePlan(tx, ctx, planId);
    await tx.plan.updateMany({
      where: { id: planId, tenantId: ctx.tenant.id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit({ action: "plan.archived", entityType: "Plan", entityId: planId, before: { status: plan.status } });
  });
}

/** Only a draft that never had activities, reporting periods or successors is deleted (with its sections and objectives). */
export async function deletePlan(ctx: TenantContext, planId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    await requireEditablePlan(tx, ctx, planId);
    const plan = await tx.plan.findFirstOrThrow({ where: { id: planId, tenantId: ctx.tenant.id }, select: editSelect });
    if (!toEdit(plan).deletable)
      throw new RuleError(plan.status === "DRAFT" ? "planAdmin.hasHistory" : "planAdmin.onlyDraftDeleted");
    await audit({ action: "plan.deleted", entityType: "Plan", entityId: planId, before: auditView(plan) });
    await tx.plan.deleteMany({ where: { id: planId, tenantId: ctx.tenant.id } });
  });
}

/** For a plan form that failed its schema: the rules above on the fields that parsed. Reads only. */
export async function planRuleErrors(
  ctx: TenantContext,
  planId: unknown,
  fields: Partial<PlanInput>,
): Promise<Record<string, MessageRef>> {
  return withTenant(ctx, "plans.manage", async (tx) => {
    if (typeof planId !== "string") return planInputErrors(tx, ctx, fields);
    const before = await tx.plan.findFirst({
      where: { id: planId, tenantId: ctx.tenant.id, archivedAt: null },
      select: editSelect,
    });
    return before ? planInputErrors(tx, ctx, fields, before) : {};
  });
}
