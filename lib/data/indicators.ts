import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { IndicatorDirection, IndicatorUnit } from "@/generated/prisma/enums";
import { getDb } from "@/lib/db";
import { INDICATOR_REASON_FIELDS, changesNeedingReason, checkIndicatorValues, diffSnapshots } from "@/lib/domain/activity-rules";
import { ConflictError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { requirePermission, type TenantContext } from "./context";
import { requireEditablePlan } from "./plan-guards";

type Tx = Prisma.TransactionClient;

export interface Disaggregation {
  dimension: string;
  categories: string[];
}

/** What the indicator form edits; decimals as plain strings ("1000.5"), comparable field by field. */
export interface IndicatorInput {
  name: string;
  nameRu: string | null;
  unit: IndicatorUnit;
  unitLabel: string | null;
  baseline: string | null;
  baselineYear: number | null;
  baselineSource: string | null;
  target: string | null;
  targetYear: number | null;
  direction: IndicatorDirection;
  disaggregation: Disaggregation[];
}

export interface IndicatorForEdit extends IndicatorInput {
  id: string;
  version: number;
  archived: boolean;
}

export const indicatorSelect = {
  id: true, activityId: true, name: true, names: true, unit: true, unitLabel: true, baseline: true, baselineYear: true, baselineSource: true,
  target: true, targetYear: true, direction: true, disaggregation: true, version: true, archivedAt: true,
} as const;

type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>;

export function decimalText(d: Prisma.Decimal | null): string | null {
  return d === null ? null : d.toFixed();
}

export function toIndicatorForEdit(row: IndicatorRow): IndicatorForEdit {
  const names = (row.names ?? {}) as Record<string, string>;
  return {
    id: row.id, version: row.version, archived: Boolean(row.archivedAt),
    name: row.name, nameRu: names.ru ?? null, unit: row.unit, unitLabel: row.unitLabel,
    baseline: decimalText(row.baseline), baselineYear: row.baselineYear, baselineSource: row.baselineSource,
    target: decimalText(row.target), targetYear: row.targetYear, direction: row.direction,
    disaggregation: readDisaggregation(row.disaggregation),
  };
}

/** jsonb reorders object keys: rebuild each entry so snapshots compare equal to form input. */
function readDisaggregation(json: unknown): Disaggregation[] {
  if (!Array.isArray(json)) return [];
  return json.map((d: { dimension?: unknown; categories?: unknown }) => ({
    dimension: String(d?.dimension ?? ""),
    categories: Array.isArray(d?.categories) ? d.categories.map(String) : [],
  }));
}

function snapshot(i: IndicatorInput): IndicatorInput {
  const { name, nameRu, unit, unitLabel, baseline, baselineYear, baselineSource, target, targetYear, direction, disaggregation } = i;
  return { name, nameRu, unit, unitLabel, baseline, baselineYear, baselineSource, target, targetYear, direction, disaggregation };
}

function toData(i: IndicatorInput, names: Record<string, string> = {}) {
  const { nameRu, disaggregation, ...rest } = snapshot(i);
  const { ru: _ru, ...other } = names;
  return { ...rest, names: nameRu ? { ...other, ru: nameRu } : other, disaggregation: disaggregation.length ? (disaggregation as unknown as Prisma.InputJsonArray) : Prisma.DbNull };
}

/** Rules across indicator fields, as field errors prefixed for where the inputs sit in the form. */
export function indicatorErrors(i: IndicatorInput, prefix = ""): Record<string, { key: string }> {
  return Object.fromEntries(Object.entries(checkIndicatorValues(i)).map(([k, v]) => [`${prefix}${k}`, v]));
}

/** Creates indicators of one activity inside the caller's transaction, each with its audit event. */
export async function createIndicatorsTx(tx: Tx, ctx: TenantContext, activityId: string, inputs: IndicatorInput[]): Promise<string[]> {
  const last = await tx.indicator.aggregate({ where: { tenantId: ctx.tenant.id, activityId }, _max: { position: true } });
  const ids: string[] = [];
  for (const [n, input] of inputs.entries()) {
    const row = await tx.indicator.create({
      data: { tenantId: ctx.tenant.id, activityId, position: (last._max.position ?? 0) + n + 1, ...toData(input) },
      select: { id: true },
    });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "indicator.created", entityType: "Indicator", entityId: row.id,
      after: { activityId, ...snapshot(input) },
    });
    ids.push(row.id);
  }
  return ids;
}

/** The activity's plan must exist in this tenant and be editable. */
async function editableActivity(tx: Tx, ctx: TenantContext, activityId: string): Promise<void> {
  const activity = await tx.activity.findFirst({ where: { id: activityId, tenantId: ctx.tenant.id }, select: { planId: true } });
  if (!activity) throw new NotFoundError("activity");
  await requireEditablePlan(tx, ctx, activity.planId);
}

export async function createIndicator(ctx: TenantContext, activityId: string, input: IndicatorInput): Promise<{ id: string }> {
  requirePermission(ctx, "plans.manage");
  const errors = indicatorErrors(input);
  if (Object.keys(errors).length) throw new RuleError("errors.invalidInput", errors);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await editableActivity(tx, ctx, activityId);
    const [id] = await createIndicatorsTx(tx, ctx, activityId, [input]);
    return { id };
  });
}

async function findIndicator(tx: Tx, ctx: TenantContext, id: string) {
  // Objective-level indicators are not edited from the activity form: they answer "not found" here.
  const row = await tx.indicator.findFirst({ where: { id, tenantId: ctx.tenant.id, activityId: { not: null } }, select: { ...indicatorSelect, names: true } });
  if (!row?.activityId) throw new NotFoundError("indicator");
  await editableActivity(tx, ctx, row.activityId);
  return { row, activityId: row.activityId };
}

/**
 * Saves only over the version the form was loaded with; a stale version gets the saved values
 * back (ConflictError.current) and writes nothing. Moving a target that was set needs a reason.
 */
export async function updateIndicator(ctx: TenantContext, id: string, version: number, input: IndicatorInput, reason: string | null): Promise<{ version: number }> {
  requirePermission(ctx, "plans.manage");
  const errors = indicatorErrors(input);
  if (Object.keys(errors).length) throw new RuleError("errors.invalidInput", errors);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { row, activityId } = await findIndicator(tx, ctx, id);
    const saved = snapshot(toIndicatorForEdit(row));
    const mine = snapshot(input);
    const diff = diffSnapshots(saved, mine);
    if (row.version !== version) throw new ConflictError({ version: row.version, values: saved, changed: diff.changed });
    if (diff.changed.length === 0) return { version };
    if (changesNeedingReason(saved, mine, INDICATOR_REASON_FIELDS).length && !reason?.trim()) {
      throw new RuleError("indicatorForm.reasonRequired", { reason: { key: "indicatorForm.validation.reasonRequired" } });
    }
    const { count } = await tx.indicator.updateMany({
      where: { id, tenantId: ctx.tenant.id, version },
      data: { ...toData(mine, row.names as Record<string, string>), version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError({ version: row.version + 1, values: saved, changed: diff.changed });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: "indicator.updated", entityType: "Indicator", entityId: id,
      before: { activityId, ...diff.before }, after: { activityId, ...diff.after }, reason,
    });
    return { version: version + 1 };
  });
}

/** Indicators are archived, not deleted: reported values keep pointing at them. */
export async function setIndicatorArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  requirePermission(ctx, "plans.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { row, activityId } = await findIndicator(tx, ctx, id);
    if (Boolean(row.archivedAt) === archived) return;
    await tx.indicator.updateMany({ where: { id, tenantId: ctx.tenant.id }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id, actor: ctx.user, action: archived ? "indicator.archived" : "indicator.restored", entityType: "Indicator", entityId: id,
      before: { activityId, archived: !archived }, after: { activityId, archived },
    });
  });
}
