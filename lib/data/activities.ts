import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { isUniqueViolation } from "./db-errors";
import type { PlanStatus } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import {
  ACTIVITY_FIELDS, ACTIVITY_REASON_FIELDS, changesNeedingReason, checkActivityConsistency, checkActivityDates, diffSnapshots, toIsoDay,
  type ActivitySnapshot, type DateWarning,
} from "@/lib/domain/activity-rules";
import { isChildCode, normaliseCode, suggestNextCode } from "@/lib/domain/codes";
import { ConflictError, NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { requirePermission, type TenantContext } from "./context";
import { createIndicatorsTx, indicatorErrors, indicatorSelect, toIndicatorForEdit, decimalText, type IndicatorForEdit, type IndicatorInput } from "./indicators";
import { requireEditablePlan } from "./plan-guards";

type Tx = Prisma.TransactionClient;
type Localized = Record<string, string>;
export type ActivityInput = ActivitySnapshot;

export interface ActivityFormOptions {
  plan: { id: string; title: string; titles: Localized; status: PlanStatus; startDate: string; endDate: string };
  /** nextCode: the first free activity number under the objective, offered as the default code. */
  objectives: { id: string; code: string; title: string; titles: Localized; nextCode: string }[];
  agencies: { id: string; name: string; names: Localized; shortName: string | null; archived: boolean }[];
}

/** What the activity form chooses from. Archived agencies appear only when `keepAgencyIds` still uses them. */
export async function getActivityFormOptions(ctx: TenantContext, planId: string, keepAgencyIds: string[] = []): Promise<ActivityFormOptions> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  const tenantId = ctx.tenant.id;
  const plan = await db.plan.findFirst({ where: { id: planId, tenantId, archivedAt: null }, select: { id: true, title: true, titles: true, status: true, startDate: true, endDate: true } });
  if (!plan) throw new NotFoundError("plan");
  const [objectives, agencies, codes] = await Promise.all([
    db.objective.findMany({ where: { tenantId, planId, archivedAt: null }, select: { id: true, code: true, title: true, titles: true }, orderBy: [{ section: { position: "asc" } }, { position: "asc" }] }),
    db.agency.findMany({ where: { tenantId, OR: [{ archivedAt: null }, { id: { in: keepAgencyIds } }] }, select: { id: true, name: true, names: true, shortName: true, archivedAt: true }, orderBy: { name: "asc" } }),
    db.activity.findMany({ where: { tenantId, planId }, select: { code: true } }),
  ]);
  const used = codes.map((c) => c.code);
  return {
    plan: { ...plan, titles: plan.titles as Localized, startDate: toIsoDay(plan.startDate), endDate: toIsoDay(plan.endDate) },
    objectives: objectives.map((o) => ({ ...o, titles: o.titles as Localized, nextCode: suggestNextCode(o.code, used) })),
    agencies: agencies.map(({ archivedAt, ...a }) => ({ ...a, names: a.names as Localized, archived: Boolean(archivedAt) })),
  };
}

const activitySelect = {
  id: true, planId: true, objectiveId: true, code: true, title: true, titles: true, description: true, expectedResults: true, leadAgencyId: true,
  plannedStart: true, plannedEnd: true, budget: true, currency: true, fundingSource: true, status: true, percentComplete: true, version: true, archivedAt: true,
  partners: { select: { agencyId: true } },
} as const;
type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

function toSnapshot(a: ActivityRow): ActivitySnapshot {
  return {
    objectiveId: a.objectiveId, code: a.code, title: a.title, titleRu: (a.titles as Localized)?.ru ?? null, description: a.description,
    expectedResults: a.expectedResults, leadAgencyId: a.leadAgencyId, partnerAgencyIds: a.partners.map((p) => p.agencyId).sort(),
    plannedStart: a.plannedStart && toIsoDay(a.plannedStart), plannedEnd: a.plannedEnd && toIsoDay(a.plannedEnd), budget: decimalText(a.budget),
    currency: a.currency, fundingSource: a.fundingSource, status: a.status, percentComplete: a.percentComplete,
  };
}

/** The input in the same shape as a stored snapshot, so the two compare field by field. */
function normalize(input: ActivityInput): ActivitySnapshot {
  const picked = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, input[f]])) as unknown as ActivitySnapshot;
  return { ...picked, code: normaliseCode(input.code), partnerAgencyIds: [...new Set(input.partnerAgencyIds)].sort() };
}

function toData(s: ActivitySnapshot, titles: Localized = {}) {
  const { ru: _ru, ...other } = titles;
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  return {
    objectiveId: s.objectiveId, code: s.code, title: s.title, titles: s.titleRu ? { ...other, ru: s.titleRu } : other, description: s.description,
    expectedResults: s.expectedResults, leadAgencyId: s.leadAgencyId, plannedStart: day(s.plannedStart), plannedEnd: day(s.plannedEnd), budget: s.budget,
    currency: s.currency, fundingSource: s.fundingSource, status: s.status, percentComplete: s.percentComplete,
  };
}

function failIf(errors: Record<string, MessageRef>, message = "errors.invalidInput"): void {
  if (Object.keys(errors).length) throw new RuleError(message, errors);
}

export interface ActivityForEdit extends ActivitySnapshot {
  id: string;
  planId: string;
  planStatus: PlanStatus;
  version: number;
  archived: boolean;
  /** Never reported on nor changed since creation: may be deleted rather than archived. */
  canDelete: boolean;
  indicators: IndicatorForEdit[];
}

export async function getActivityForEdit(ctx: TenantContext, id: string): Promise<ActivityForEdit> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  const row = await db.activity.findFirst({
    where: { id, tenantId: ctx.tenant.id, plan: { archivedAt: null } },
    select: { ...activitySelect, plan: { select: { status: true } }, indicators: { select: indicatorSelect, orderBy: { position: "asc" } } },
  });
  if (!row) throw new NotFoundError("activity");
  const history = await hasHistory(db, ctx, id, row.indicators.map((i) => i.id));
  return {
    ...toSnapshot(row), id: row.id, planId: row.planId, planStatus: row.plan.status, version: row.version, archived: Boolean(row.archivedAt),
    canDelete: !history, indicators: row.indicators.map(toIndicatorForEdit),
  };
}

/** Progress reported, or any change after creation to the activity or its indicators. */
async function hasHistory(db: Tx, ctx: TenantContext, id: string, indicatorIds: string[]): Promise<boolean> {
  const tenantId = ctx.tenant.id;
  const [updates, events] = await Promise.all([
    db.progressUpdate.count({ where: { tenantId, activityId: id } }),
    db.auditEvent.count({
      where: {
        tenantId,
        OR: [
          { entityType: "Activity", entityId: id, action: { not: "activity.created" } },
          { entityType: "Indicator", entityId: { in: indicatorIds }, action: { not: "indicator.created" } },
        ],
      },
    }),
  ]);
  return updates + events > 0;
}

/** Codes are unique within a plan, whatever their case; archived activities keep theirs. */
export async function isActivityCodeFree(ctx: TenantContext, planId: string, code: string, exceptActivityId?: string | null): Promise<boolean> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  const plan = await db.plan.findFirst({ where: { id: planId, tenantId: ctx.tenant.id }, select: { id: true } });
  if (!plan) throw new NotFoundError("plan");
  return codeFree(db, ctx, planId, code, exceptActivityId);
}

async function codeFree(db: Tx, ctx: TenantContext, planId: string, code: string, exceptId?: string | null): Promise<boolean> {
  const clash = await db.activity.findFirst({
    where: { tenantId: ctx.tenant.id, planId, code: { equals: code.trim(), mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  return !clash;
}

const CODE_TAKEN = { code: { key: "activityForm.validation.codeTaken" } };

/** The objective must be a live one of this plan; agencies newly named must be live ones of this tenant. */
async function checkReferences(tx: Tx, ctx: TenantContext, planId: string, s: ActivitySnapshot, before?: ActivitySnapshot): Promise<void> {
  const tenantId = ctx.tenant.id;
  const errors: Record<string, MessageRef> = {};
  if (s.objectiveId !== before?.objectiveId || s.code !== before.code) {
    // An activity is numbered under its objective: 2.1.3 belongs to 2.1.
    const objective = await tx.objective.findFirst({ where: { id: s.objectiveId, tenantId, planId, archivedAt: null }, select: { code: true } });
    if (!objective) errors.objectiveId = { key: "activityForm.validation.objective" };
    else if (!isChildCode(s.code, objective.code)) errors.code = { key: "activityForm.validation.codeNotUnderObjective", values: { objective: objective.code } };
  }
  const alreadyUsed = new Set([before?.leadAgencyId, ...(before?.partnerAgencyIds ?? [])]);
  const added = [s.leadAgencyId, ...s.partnerAgencyIds].filter((id): id is string => id !== null && !alreadyUsed.has(id));
  if (added.length) {
    const live = new Set((await tx.agency.findMany({ where: { tenantId, archivedAt: null, id: { in: added } }, select: { id: true } })).map((a) => a.id));
    if (s.leadAgencyId && added.includes(s.leadAgencyId) && !live.has(s.leadAgencyId)) errors.leadAgencyId = { key: "activityForm.validation.agency" };
    if (s.partnerAgencyIds.some((id) => added.includes(id) && !live.has(id))) errors.partnerAgencyIds = { key: "activityForm.validation.agency" };
  }
  // Only a changed code can clash (a change of case alone keeps the activity's own code).
  if (!errors.code && s.code.toLowerCase() !== before?.code.toLowerCase() && !(await codeFree(tx, ctx, planId, s.code))) Object.assign(errors, CODE_TAKEN);
  failIf(errors);
}

async function nextPosition(tx: Tx, ctx: TenantContext, objectiveId: string): Promise<number> {
  const last = await tx.activity.aggregate({ where: { tenantId: ctx.tenant.id, objectiveId }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

async function setPartners(tx: Tx, ctx: TenantContext, activityId: string, agencyIds: string[]): Promise<void> {
  await tx.activityPartner.deleteMany({ where: { tenantId: ctx.tenant.id, activityId } });
  if (agencyIds.length) await tx.activityPartner.createMany({ data: agencyIds.map((agencyId) => ({ tenantId: ctx.tenant.id, activityId, agencyId })) });
}

/** A race on the unique code (two people saving "2.1.3" at once) ends as the same field error. */
function codeRace(error: unknown): never {
  if (isUniqueViolation(error)) throw new RuleError("errors.invalidInput", CODE_TAKEN);
  throw error;
}

export interface SaveResult {
  id: string;
  version: number;
  /** Dates outside the plan's period: saved, but the form says so. */
  warnings: DateWarning[];
}

export async function createActivity(ctx: TenantContext, planId: string, input: ActivityInput & { indicators: IndicatorInput[] }): Promise<SaveResult> {
  requirePermission(ctx, "plans.manage");
  const s = normalize(input);
  failIf({ ...checkActivityConsistency(s), ...Object.assign({}, ...input.indicators.map((i, n) => indicatorErrors(i, `indicators.${n}.`))) });
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const plan = await requireEditablePlan(tx, ctx, planId);
      await checkReferences(tx, ctx, planId, s);
      const { id } = await tx.activity.create({
        data: { tenantId: ctx.tenant.id, planId, position: await nextPosition(tx, ctx, s.objectiveId), ...toData(s) },
        select: { id: true },
      });
      await setPartners(tx, ctx, id, s.partnerAgencyIds);
      await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "activity.created", entityType: "Activity", entityId: id, after: s });
      await createIndicatorsTx(tx, ctx, id, input.indicators);
      return { id, version: 1, warnings: checkActivityDates(s, period(plan)).warnings };
    })
    .catch(codeRace);
}

const period = (plan: { startDate: Date; endDate: Date }) => ({ startDate: toIsoDay(plan.startDate), endDate: toIsoDay(plan.endDate) });

/**
 * Saves only over the version the form was loaded with. A stale version writes nothing and hands
 * back the saved values and which fields differ from the user's. Re-planning (dates, lead) needs a reason.
 */
export async function updateActivity(ctx: TenantContext, id: string, version: number, input: ActivityInput, reason: string | null): Promise<SaveResult> {
  requirePermission(ctx, "plans.manage");
  const mine = normalize(input);
  failIf(checkActivityConsistency(mine));
  const db = await getDb();
  return db
    .$transaction(async (tx) => {
      const row = await tx.activity.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: activitySelect });
      if (!row) throw new NotFoundError("activity");
      const plan = await requireEditablePlan(tx, ctx, row.planId);
      const saved = toSnapshot(row);
      const diff = diffSnapshots(saved, mine, ACTIVITY_FIELDS);
      if (row.version !== version) throw new ConflictError({ version: row.version, values: saved, changed: diff.changed });
      const warnings = checkActivityDates(mine, period(plan)).warnings;
      if (diff.changed.length === 0) return { id, version, warnings };
      if (changesNeedingReason(saved, mine, ACTIVITY_REASON_FIELDS).length && !reason?.trim()) {
        throw new RuleError("activityForm.reasonRequired", { reason: { key: "activityForm.validation.reasonRequired" } });
      }
      await checkReferences(tx, ctx, row.planId, mine, saved);
      const position = mine.objectiveId !== saved.objectiveId ? { position: await nextPosition(tx, ctx, mine.objectiveId) } : {};
      const { count } = await tx.activity.updateMany({
        where: { id, tenantId: ctx.tenant.id, version },
        data: { ...toData(mine, row.titles as Localized), ...position, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError({ version: version + 1, values: saved, changed: diff.changed });
      if (diff.changed.includes("partnerAgencyIds")) await setPartners(tx, ctx, id, mine.partnerAgencyIds);
      await recordAudit(tx, {
        tenantId: ctx.tenant.id, actor: ctx.user, action: "activity.updated", entityType: "Activity", entityId: id, before: diff.before, after: diff.after, reason,
      });
      return { id, version: version + 1, warnings };
    })
    .catch(codeRace);
}

async function findForRemoval(tx: Tx, ctx: TenantContext, id: string) {
  const row = await tx.activity.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: { ...activitySelect, indicators: { select: { id: true } } } });
  if (!row) throw new NotFoundError("activity");
  await requireEditablePlan(tx, ctx, row.planId);
  return row;
}

/** Archiving keeps the activity, its code and its history; restoring brings it back to the plan. */
export async function setActivityArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await findForRemoval(tx, ctx, id);
    if (Boolean(row.archivedAt) === archived) return;
    await tx.activity.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: archived ? "activity.archived" : "activity.restored", entityType: "Activity", entityId: id,
      before: { archived: !archived }, after: { archived },
    });
  });
}

/** Only an activity without history may disappear; one with history must be archived instead. */
export async function deleteActivity(ctx: TenantContext, id: string): Promise<{ planId: string }> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await findForRemoval(tx, ctx, id);
    if (await hasHistory(tx, ctx, id, row.indicators.map((i) => i.id))) throw new RuleError("activityForm.hasHistory");
    // The indicators go with the activity (a cascade): the event lists them, and each indicator's
    // own history ends with its deletion, so nothing disappears without a trace.
    const indicators = await tx.indicator.findMany({ where: { tenantId: ctx.tenant.id, activityId: id }, select: indicatorSelect, orderBy: { position: "asc" } });
    const removed = indicators.map(toIndicatorForEdit);
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "activity.deleted", entityType: "Activity", entityId: id, before: { ...toSnapshot(row), indicators: removed } });
    for (const indicator of removed) {
      await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "indicator.deleted", entityType: "Indicator", entityId: indicator.id, before: { activityId: id, ...indicator } });
    }
    await tx.activity.deleteMany({ where: { id, tenantId: ctx.tenant.id } });
    return { planId: row.planId };
  });
}
