import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { isUniqueViolation } from "./db-errors";
import type { Pillar } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { isValidObjectiveCode, isValidSectionCode, normaliseCode, suggestNextCode } from "@/lib/domain/codes";
import { ConflictError, NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Direction } from "@/lib/validation/plans";
import { recordAudit } from "./audit";
import { requirePermission, type TenantContext } from "./context";
import { requireEditablePlan } from "./plan-guards";
import { STRUCTURE_ORDER } from "./plans";

// A plan's structure: sections (mapped to a pillar or none), objectives under them, and the order
// of activities within an objective. Every change: plans.manage, an editable (not closed) plan of
// this tenant, and an audit event in the same transaction. Renames carry the record's version.

type Tx = Prisma.TransactionClient;

export interface SectionInput {
  code: string | null;
  title: string;
  titleRu: string | null;
  pillar: Pillar | null;
}

export interface ObjectiveInput {
  code: string;
  title: string;
  titleRu: string | null;
}

const titles = (ru: string | null) => (ru?.trim() ? { ru: ru.trim() } : {});
const ruOf = (t: unknown) => ((t ?? {}) as Record<string, string>).ru ?? null;

/** A duplicate that slipped past the check (two people saving at once) still reads as a field error. */
async function uniqueOr<T>(work: Promise<T>, field: string, key: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError("errors.invalidInput", { [field]: { key } });
    throw error;
  }
}

/** New positions 1..n after moving one row a step; writes only the rows whose position changed. */
async function moveAmong(
  siblings: { id: string; position: number }[],
  id: string,
  direction: Direction,
  write: (id: string, position: number) => Promise<unknown>,
): Promise<{ from: number; to: number } | null> {
  const i = siblings.findIndex((s) => s.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= siblings.length) return null; // already first or last: nothing to do
  const order = [...siblings];
  [order[i], order[j]] = [order[j], order[i]];
  // Positions are renumbered, so rows sharing a position (imports, older data) get a definite order.
  // One after another: a transaction runs on one connection anyway.
  for (const [k, row] of order.entries()) if (row.position !== k + 1) await write(row.id, k + 1);
  return { from: siblings[i].position, to: j + 1 };
}

// ---- Sections ----

const sectionSelect = { id: true, planId: true, code: true, title: true, titles: true, pillar: true, position: true, version: true } as const;
type SectionRow = Prisma.SectionGetPayload<{ select: typeof sectionSelect }>;
const sectionView = (s: SectionRow) => ({ id: s.id, version: s.version, code: s.code, title: s.title, titleRu: ruOf(s.titles), pillar: s.pillar });

async function loadSection(tx: Tx, ctx: TenantContext, sectionId: string): Promise<SectionRow> {
  const section = await tx.section.findFirst({ where: { id: sectionId, tenantId: ctx.tenant.id, archivedAt: null }, select: sectionSelect });
  if (!section) throw new NotFoundError("section");
  await requireEditablePlan(tx, ctx, section.planId);
  return section;
}

/** The code, normalised; unique among the plan's sections, archived ones included (they keep theirs). */
async function checkSectionCode(tx: Tx, ctx: TenantContext, planId: string, code: string, exceptId?: string): Promise<string> {
  const normal = normaliseCode(code);
  if (!isValidSectionCode(normal)) throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.sectionCode" } });
  const clash = await tx.section.findFirst({ where: { tenantId: ctx.tenant.id, planId, code: normal, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.sectionCodeTaken" } });
  return normal;
}

/** A section at the end of the plan; without a code it takes the next free number. */
export async function createSection(ctx: TenantContext, planId: string, input: SectionInput): Promise<{ id: string }> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await requireEditablePlan(tx, ctx, planId);
    const tenantId = ctx.tenant.id;
    const existing = await tx.section.findMany({ where: { tenantId, planId }, select: { code: true, position: true } });
    const code = await checkSectionCode(tx, ctx, planId, input.code ?? suggestNextCode(null, existing.map((s) => s.code)));
    const position = Math.max(0, ...existing.map((s) => s.position)) + 1;
    const data = { code, title: input.title.trim(), titles: titles(input.titleRu), pillar: input.pillar };
    const section = await uniqueOr(
      tx.section.create({ data: { tenantId, planId, ...data, position }, select: { id: true } }),
      "code", "structure.validation.sectionCodeTaken",
    );
    await recordAudit(tx, { tenantId, actor: ctx.user, action: "section.created", entityType: "Section", entityId: section.id, after: { ...data, planId, position } });
    return section;
  });
}

/** Renames a section, changes its code or pillar, over the version the form was loaded with. */
export async function updateSection(ctx: TenantContext, sectionId: string, version: number, input: SectionInput & { code: string }): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await loadSection(tx, ctx, sectionId);
    if (before.version !== version) throw new ConflictError(sectionView(before));
    const code = await checkSectionCode(tx, ctx, before.planId, input.code, sectionId);
    const data = { code, title: input.title.trim(), titles: titles(input.titleRu), pillar: input.pillar };
    const { count } = await uniqueOr(
      tx.section.updateMany({ where: { id: sectionId, tenantId: ctx.tenant.id, version }, data: { ...data, version: { increment: 1 } } }),
      "code", "structure.validation.sectionCodeTaken",
    );
    if (count === 0) throw new ConflictError(sectionView(before));
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "section.updated", entityType: "Section", entityId: sectionId,
      before: { code: before.code, title: before.title, titles: before.titles, pillar: before.pillar }, after: data,
    });
  });
}

/**
 * Moves a section one place up or down among the plan's sections. Positions are not what a form
 * edits, so the version stays: a rename form open elsewhere still saves.
 */
export async function moveSection(ctx: TenantContext, sectionId: string, direction: Direction): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const section = await loadSection(tx, ctx, sectionId);
    const where = { tenantId: ctx.tenant.id, planId: section.planId, archivedAt: null };
    const siblings = await tx.section.findMany({ where, select: { id: true, position: true }, orderBy: STRUCTURE_ORDER });
    const moved = await moveAmong(siblings, sectionId, direction, (id, position) => tx.section.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }));
    if (moved) await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "section.moved", entityType: "Section", entityId: sectionId, before: { position: moved.from }, after: { position: moved.to } });
  });
}

/** Archives a section whose objectives are all archived already: nothing live disappears with it. */
export async function archiveSection(ctx: TenantContext, sectionId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const section = await loadSection(tx, ctx, sectionId);
    const live = await tx.objective.count({ where: { tenantId: ctx.tenant.id, sectionId, archivedAt: null } });
    if (live > 0) throw new RuleError("structure.sectionNotEmpty");
    await tx.section.updateMany({ where: { id: sectionId, tenantId: ctx.tenant.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "section.archived", entityType: "Section", entityId: sectionId, before: sectionView(section) });
  });
}

/** Deletes a section that never held an objective; one with history is archived instead. */
export async function deleteSection(ctx: TenantContext, sectionId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const section = await loadSection(tx, ctx, sectionId);
    const any = await tx.objective.count({ where: { tenantId: ctx.tenant.id, sectionId } });
    if (any > 0) throw new RuleError("structure.sectionHasHistory");
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "section.deleted", entityType: "Section", entityId: sectionId, before: sectionView(section) });
    await tx.section.deleteMany({ where: { id: sectionId, tenantId: ctx.tenant.id } });
  });
}

// ---- Objectives ----

const objectiveSelect = { id: true, planId: true, sectionId: true, code: true, title: true, titles: true, position: true, version: true } as const;
type ObjectiveRow = Prisma.ObjectiveGetPayload<{ select: typeof objectiveSelect }>;
const objectiveView = (o: ObjectiveRow) => ({ id: o.id, version: o.version, sectionId: o.sectionId, code: o.code, title: o.title, titleRu: ruOf(o.titles) });

async function loadObjective(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<ObjectiveRow> {
  const objective = await tx.objective.findFirst({ where: { id: objectiveId, tenantId: ctx.tenant.id, archivedAt: null }, select: objectiveSelect });
  if (!objective) throw new NotFoundError("objective");
  await requireEditablePlan(tx, ctx, objective.planId);
  return objective;
}

/** The code, normalised, in the "2.1" form and unique within the plan (archived objectives keep theirs). */
async function checkObjectiveCode(tx: Tx, ctx: TenantContext, planId: string, code: string, exceptId?: string): Promise<string> {
  const normal = normaliseCode(code);
  if (!isValidObjectiveCode(normal)) throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.objectiveCode" } });
  const clash = await tx.objective.findFirst({ where: { tenantId: ctx.tenant.id, planId, code: normal, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw new RuleError("errors.invalidInput", { code: { key: "structure.validation.objectiveCodeTaken" } });
  return normal;
}

async function nextObjectivePosition(tx: Tx, ctx: TenantContext, sectionId: string): Promise<number> {
  const last = await tx.objective.aggregate({ where: { tenantId: ctx.tenant.id, sectionId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** An objective at the end of a live section of an editable plan. */
export async function createObjective(ctx: TenantContext, sectionId: string, input: ObjectiveInput): Promise<{ id: string }> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const section = await loadSection(tx, ctx, sectionId);
    const code = await checkObjectiveCode(tx, ctx, section.planId, input.code);
    const data = { code, title: input.title.trim(), titles: titles(input.titleRu) };
    const position = await nextObjectivePosition(tx, ctx, sectionId);
    const objective = await uniqueOr(
      tx.objective.create({ data: { tenantId: ctx.tenant.id, planId: section.planId, sectionId, ...data, position }, select: { id: true } }),
      "code", "structure.validation.objectiveCodeTaken",
    );
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "objective.created", entityType: "Objective", entityId: objective.id, after: { ...data, sectionId, position } });
    return objective;
  });
}

/** Edits code and titles, or moves the objective to another section of the same plan (to its end). */
export async function updateObjective(ctx: TenantContext, objectiveId: string, version: number, input: ObjectiveInput & { sectionId: string }): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const before = await loadObjective(tx, ctx, objectiveId);
    if (before.version !== version) throw new ConflictError(objectiveView(before));
    const code = await checkObjectiveCode(tx, ctx, before.planId, input.code, objectiveId);
    let position = before.position;
    if (input.sectionId !== before.sectionId) {
      const target = await tx.section.findFirst({ where: { id: input.sectionId, tenantId: ctx.tenant.id, planId: before.planId, archivedAt: null }, select: { id: true } });
      if (!target) throw new RuleError("errors.invalidInput", { sectionId: { key: "structure.validation.sectionMissing" } });
      position = await nextObjectivePosition(tx, ctx, target.id);
    }
    const data = { code, title: input.title.trim(), titles: titles(input.titleRu), sectionId: input.sectionId };
    const { count } = await uniqueOr(
      tx.objective.updateMany({ where: { id: objectiveId, tenantId: ctx.tenant.id, version }, data: { ...data, position, version: { increment: 1 } } }),
      "code", "structure.validation.objectiveCodeTaken",
    );
    if (count === 0) throw new ConflictError(objectiveView(before));
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "objective.updated", entityType: "Objective", entityId: objectiveId,
      before: { code: before.code, title: before.title, titles: before.titles, sectionId: before.sectionId }, after: data,
    });
  });
}

/** One place up or down within its section; the version stays (see moveSection). */
export async function moveObjective(ctx: TenantContext, objectiveId: string, direction: Direction): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const where = { tenantId: ctx.tenant.id, sectionId: objective.sectionId, archivedAt: null };
    const siblings = await tx.objective.findMany({ where, select: { id: true, position: true }, orderBy: STRUCTURE_ORDER });
    const moved = await moveAmong(siblings, objectiveId, direction, (id, position) => tx.objective.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }));
    if (moved) await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "objective.moved", entityType: "Objective", entityId: objectiveId, before: { position: moved.from }, after: { position: moved.to } });
  });
}

/** Archives an objective whose activities are all archived already. */
export async function archiveObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const live = await tx.activity.count({ where: { tenantId: ctx.tenant.id, objectiveId, archivedAt: null } });
    if (live > 0) throw new RuleError("structure.objectiveNotEmpty");
    await tx.objective.updateMany({ where: { id: objectiveId, tenantId: ctx.tenant.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "objective.archived", entityType: "Objective", entityId: objectiveId, before: objectiveView(objective) });
  });
}

/** Deletes an objective that never had an activity or indicator; one with history is archived instead. */
export async function deleteObjective(ctx: TenantContext, objectiveId: string): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const objective = await loadObjective(tx, ctx, objectiveId);
    const where = { tenantId: ctx.tenant.id, objectiveId };
    const [activities, indicators] = [await tx.activity.count({ where }), await tx.indicator.count({ where })];
    if (activities + indicators > 0) throw new RuleError("structure.objectiveHasHistory");
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "objective.deleted", entityType: "Objective", entityId: objectiveId, before: objectiveView(objective) });
    await tx.objective.deleteMany({ where: { id: objectiveId, tenantId: ctx.tenant.id } });
  });
}

// ---- Activities: only their order lives here (the plan page's controls); the rest is the activity form's. ----

/**
 * One place up or down within its objective. The activity's version stays: someone editing the
 * activity's content at the same moment must not be told it changed.
 */
export async function moveActivity(ctx: TenantContext, activityId: string, direction: Direction): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const activity = await tx.activity.findFirst({ where: { id: activityId, tenantId: ctx.tenant.id, archivedAt: null }, select: { id: true, planId: true, objectiveId: true } });
    if (!activity) throw new NotFoundError("activity");
    await requireEditablePlan(tx, ctx, activity.planId);
    const where = { tenantId: ctx.tenant.id, objectiveId: activity.objectiveId, archivedAt: null };
    const siblings = await tx.activity.findMany({ where, select: { id: true, position: true }, orderBy: STRUCTURE_ORDER });
    const moved = await moveAmong(siblings, activityId, direction, (id, position) => tx.activity.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { position } }));
    if (moved) await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "activity.moved", entityType: "Activity", entityId: activityId, before: { position: moved.from }, after: { position: moved.to } });
  });
}
