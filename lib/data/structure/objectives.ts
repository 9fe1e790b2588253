import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isValidObjectiveCode, normaliseCode } from "@/lib/domain/codes";
import { NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { failOnAny, ruleErrorsOf } from "../rule-errors";
import type { TenantContext } from "../context";
import { saveOverVersion, withTenant, type Tx } from "../door";
import { requireEditablePlan } from "../plan-guards";
import { toTexts, type Texts } from "@/lib/domain/texts";
import { codeTaken } from "./fields";
import { loadSection } from "./sections";

export interface ObjectiveInput {
  code: string;
  title: Texts;
}

const objectiveSelect = {
  id: true,
  planId: true,
  sectionId: true,
  code: true,
  title: true,
  position: true,
  version: true,
} as const;
type ObjectiveRow = Prisma.ObjectiveGetPayload<{ select: typeof objectiveSelect }>;
const objectiveView = (o: ObjectiveRow) => ({
  id: o.id,
  version: o.version,
  sectionId: o.sectionId,
  code: o.code,
  title: toTexts(o.title),
});

/** A live objective of an editable plan of this tenant, inside the caller's transaction. */
export async function loadObjective(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<ObjectiveRow> {
  const objective = await tx.objective.findFirst({
    where: { id: objectiveId, tenantId: ctx.tenant.id, archivedAt: null },
    select: objectiveSelect,
  });
  if (!objective) throw new NotFoundError("objective");
  await requireEditablePlan(tx, ctx, objective.planId);
  return objective;
}

/** The code, normalised, in the "2.1" form and unique within the plan (archived objectives keep theirs). */
export async function checkObjectiveCode(
  tx: Tx,
  ctx: TenantContext,
  planId: string,
  code: string,
  exceptId?: string,
): Promise<string> {
  const normal = normaliseCode(code);
  if (!isValidObjectiveCode(normal))
    throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.objectiveCode" } });
  const clash = await tx.objective.findFirst({
    where: { tenantId: ctx.tenant.id, planId, code: normal, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw codeTaken("objectiveCodeTaken")();
  return normal;
}

async function nextObjectivePosition(tx: Tx, ctx: TenantContext, sectionId: string): Promise<number> {
  const last = await tx.objective.aggregate({
    where: { tenantId: ctx.tenant.id, sectionId },
    _max: { position: true },
  });
  return (last._max.position ?? 0) + 1;
}

/** An objective at the end of a live section of an editable plan. */
export async function createObjective(
  ctx: TenantContext,
  sectionId: string,
  input: ObjectiveInput,
): Promise<{ id: string }> {
  return withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      const section = await loadSection(tx, ctx, sectionId);
      const code = await checkObjectiveCode(tx, ctx, section.planId, input.code);
      const data = { code, title: toTexts(input.title) };
      const position = await nextObjectivePosition(tx, ctx, sectionId);
      const objective = await tx.objective.create({
        data: { tenantId: ctx.tenant.id, planId: section.planId, sectionId, ...data, position },
        select: { id: true },
      });
      await audit({
        action: "objective.created",
        entityType: "Objective",
        entityId: objective.id,
        after: { ...data, sectionId, position },
      });
      return objective;
    },
    { unique: codeTaken("objectiveCodeTaken") },
  );
}

/** Moving to another section: it must be a live one of the same plan. */
export async function objectiveSectionErrors(
  tx: Tx,
  ctx: TenantContext,
  before: { planId: string; sectionId: string },
  sectionId: string,
): Promise<Record<string, MessageRef>> {
  if (sectionId === before.sectionId) return {};
  const target = await tx.section.findFirst({
    where: { id: sectionId, tenantId: ctx.tenant.id, planId: before.planId, archivedAt: null },
    select: { id: true },
  });
  return target ? {} : { sectionId: { key: "structure.validation.sectionMissing" } };
}

/** Edits code and titles, or moves the objective to another section of the same plan (to its end). */
export async function updateObjective(
  ctx: TenantContext,
  objectiveId: string,
  version: number,
  input: ObjectiveInput & { sectionId: string },
): Promise<void> {
  await withTenant(
    ctx,
    "plans.manage",
    async (tx, audit) => {
      const before = await loadObjective(tx, ctx, objectiveId);
      const data = { title: toTexts(input.title), sectionId: input.sectionId };
      let code = before.code;
      // A stale version answers first, with the saved values; then the code's and the section's rules, together.
      await saveOverVersion(before, version, objectiveView, async () => {
        const errors = {
          ...(await ruleErrorsOf(
            async () => (code = await checkObjectiveCode(tx, ctx, before.planId, input.code, objectiveId)),
          )),
          ...(await objectiveSectionErrors(tx, ctx, before, input.sectionId)),
        };
        failOnAny(errors);
        let position = before.position;
        if (input.sectionId !== before.sectionId) position = await nextObjectivePosition(tx, ctx, input.sectionId);
        return tx.objective.updateMany({
          where: { id: objectiveId, tenantId: ctx.tenant.id, version },
          data: { code, ...data, position, version: { increment: 1 } },
        });
      });
      await audit({
        action: "objective.updated",
        entityType: "Objective",
        entityId: objectiveId,
        before: { code: before.code, title: toTexts(before.title), sectionId: before.sectionId },
        after: { code, ...data },
      });
    },
    { unique: codeTaken("objectiveCodeTaken") },
  );
}

/** Archives an objective whose activities are all archived already. */
export async function archiveObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const live = await tx.activity.count({ where: { tenantId: ctx.tenant.id, objectiveId, archivedAt: null } });
    if (live > 0) throw new RuleError("structure.objectiveNotEmpty");
    await tx.objective.updateMany({
      where: { id: objectiveId, tenantId: ctx.tenant.id },
      data: { archivedAt: new Date(), version: { increment: 1 } },
    });
    await audit({
      action: "objective.archived",
      entityType: "Objective",
      entityId: objectiveId,
      before: objectiveView(objective),
    });
  });
}

/** Deletes an objective that never had an activity or indicator; one with history is archived instead. */
export async function deleteObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const where = { tenantId: ctx.tenant.id, objectiveId };
    const [activities, indicators] = [await tx.activity.count({ where }), await tx.indicator.count({ where })];
    if (activities + indicators > 0) throw new RuleError("structure.objectiveHasHistory");
    await audit({
      action: "objective.deleted",
      entityType: "Objective",
      entityId: objectiveId,
      before: objectiveView(objective),
    });
    await tx.objective.deleteMany({ where: { id: objectiveId, tenantId: ctx.tenant.id } });
  });
}
