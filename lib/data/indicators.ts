import "server-only";
import { Prisma } from "@/generated/prisma/client";
import {
  INDICATOR_REASON_FIELDS,
  changesNeedingReason,
  checkIndicatorValues,
  diffSnapshots,
} from "@/lib/domain/activity-rules";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import type { Disaggregation, IndicatorForEdit, IndicatorInput } from "@/lib/domain/types/indicators";
import type { TenantContext } from "./context";
import { saveOverVersion, withTenant, type Audit, type Tx } from "./door";
import { requireEditablePlan } from "./plan-guards";
import { failOnAny } from "./rule-errors";

export type { Disaggregation, IndicatorForEdit, IndicatorInput };

export const indicatorSelect = {
  id: true,
  activityId: true,
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
  version: true,
  archivedAt: true,
} as const;

type IndicatorRow = Prisma.IndicatorGetPayload<{ select: typeof indicatorSelect }>;

export function decimalText(d: Prisma.Decimal | null): string | null {
  return d === null ? null : d.toFixed();
}

export function toIndicatorForEdit(row: IndicatorRow): IndicatorForEdit {
  return {
    id: row.id,
    version: row.version,
    archived: Boolean(row.archivedAt),
    name: toTexts(row.name),
    unit: row.unit,
    unitLabel: toTexts(row.unitLabel),
    baseline: decimalText(row.baseline),
    baselineYear: row.baselineYear,
    baselineSource: toTexts(row.baselineSource),
    target: decimalText(row.target),
    targetYear: row.targetYear,
    direction: row.direction,
    valueKind: row.valueKind,
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
  const {
    name,
    unit,
    unitLabel,
    baseline,
    baselineYear,
    baselineSource,
    target,
    targetYear,
    direction,
    valueKind,
    disaggregation,
  } = i;
  return {
    name: toTexts(name),
    unit,
    unitLabel: toTexts(unitLabel),
    baseline,
    baselineYear,
    baselineSource: toTexts(baselineSource),
    target,
    targetYear,
    direction,
    valueKind,
    disaggregation,
  };
}

function toData(i: IndicatorInput) {
  const { disaggregation, ...rest } = snapshot(i);
  return {
    ...rest,
    disaggregation: disaggregation.length ? (disaggregation as unknown as Prisma.InputJsonArray) : Prisma.DbNull,
  };
}

/** Rules across indicator fields, as field errors prefixed for where the inputs sit in the form. */
export function indicatorErrors(i: IndicatorInput, prefix = ""): Record<string, { key: string }> {
  return Object.fromEntries(Object.entries(checkIndicatorValues(i)).map(([k, v]) => [`${prefix}${k}`, v]));
}

function failOnErrors(input: IndicatorInput): void {
  const errors = indicatorErrors(input);
  if (Object.keys(errors).length) throw new RuleError("errors.invalidInput", errors);
}

/** Creates indicators of one activity inside the caller's door, each with its audit event. */
export async function createIndicatorsTx(
  tx: Tx,
  ctx: TenantContext,
  audit: Audit,
  activityId: string,
  inputs: IndicatorInput[],
): Promise<string[]> {
  const last = await tx.indicator.aggregate({
    where: { tenantId: ctx.tenant.id, activityId },
    _max: { position: true },
  });
  const ids: string[] = [];
  for (const [n, input] of inputs.entries()) {
    const row = await tx.indicator.create({
      data: { tenantId: ctx.tenant.id, activityId, position: (last._max.position ?? 0) + n + 1, ...toData(input) },
      select: { id: true },
    });
    await audit({
      action: "indicator.created",
      entityType: "Indicator",
      entityId: row.id,
      after: { activityId, ...snapshot(input) },
    });
    ids.push(row.id);
  }
  return ids;
}

/** The activity's plan must exist in this tenant and be editable. */
async function editableActivity(tx: Tx, ctx: TenantContext, activityId: string): Promise<void> {
  const activity = await tx.activity.findFirst({
    where: { id: activityId, tenantId: ctx.tenant.id },
    select: { planId: true },
  });
  if (!activity) throw new NotFoundError("activity");
  await requireEditablePlan(tx, ctx, activity.planId);
}

export async function createIndicator(
  ctx: TenantContext,
  activityId: string,
  input: IndicatorInput,
): Promise<{ id: string }> {
  return withTenant(ctx, "plans.manage", async (tx, audit) => {
    failOnErrors(input);
    await editableActivity(tx, ctx, activityId);
    const [id] = await createIndicatorsTx(tx, ctx, audit, activityId, [input]);
    return { id };
  });
}

async function findIndicator(tx: Tx, ctx: TenantContext, id: string) {
  // Objective-level indicators are not edited from the activity form: they answer "not found" here.
  const row = await tx.indicator.findFirst({
    where: { id, tenantId: ctx.tenant.id, activityId: { not: null } },
    select: indicatorSelect,
  });
  if (!row?.activityId) throw new NotFoundError("indicator");
  await editableActivity(tx, ctx, row.activityId);
  return { row, activityId: row.activityId };
}

/**
 * Saves only over the version the form was loaded with; a stale version gets the saved values
 * back (ConflictError.current) and writes nothing. Moving a target that was set needs a reason.
 */
export async function updateIndicator(
  ctx: TenantContext,
  id: string,
  version: number,
  input: IndicatorInput,
  reason: string | null,
): Promise<{ version: number }> {
  return withTenant(ctx, "plans.manage", async (tx, audit) => {
    const rules = indicatorErrors(input);
    const { row, activityId } = await findIndicator(tx, ctx, id);
    const saved = snapshot(toIndicatorForEdit(row));
    const mine = snapshot(input);
    const diff = diffSnapshots(saved, mine);
    // Stale when loaded: the row as loaded. Lost the race between load and write: the row as the winner left it.
    let winner: IndicatorRow | null = null;
    const conflict = (loadedRow: IndicatorRow) => {
      const now = winner ?? loadedRow;
      const values = snapshot(toIndicatorForEdit(now));
      return { version: now.version, values, changed: diffSnapshots(values, mine).changed };
    };
    // A stale version is a conflict whatever it carries; a current one with nothing changed writes nothing.
    if (row.version === version && diff.changed.length === 0) {
      failOnAny(rules);
      return { version };
    }
    await saveOverVersion(row, version, conflict, async () => {
      // Every rule at once (a stale version answered first, with the saved values).
      const needsReason = changesNeedingReason(saved, mine, INDICATOR_REASON_FIELDS).length > 0 && !reason?.trim();
      const errors = needsReason ? { ...rules, reason: { key: "indicatorForm.validation.reasonRequired" } } : rules;
      // A missing reason alone keeps its own message: the form then asks for the why, nothing else.
      failOnAny(errors, Object.keys(errors).join() === "reason" ? "indicatorForm.reasonRequired" : undefined);
      const written = await tx.indicator.updateMany({
        where: { id, tenantId: ctx.tenant.id, version },
        data: { ...toData(mine), version: { increment: 1 } },
      });
      // Read committed: a statement after the lost update sees what the winner committed.
      if (written.count === 0)
        winner = await tx.indicator.findFirst({ where: { id, tenantId: ctx.tenant.id }, select: indicatorSelect });
      return written;
    });
    await audit({
      action: "indicator.updated",
      entityType: "Indicator",
      entityId: id,
      before: { activityId, ...diff.before },
      after: { activityId, ...diff.after },
      reason,
    });
    return { version: version + 1 };
  });
}

/** Indicators are archived, not deleted: reported values keep pointing at them. */
export async function setIndicatorArchived(ctx: TenantContext, id: string, archived: boolean): Promise<void> {
  await withTenant(ctx, "plans.manage", async (tx, audit) => {
    const { row, activityId } = await findIndicator(tx, ctx, id);
    if (Boolean(row.archivedAt) === archived) return;
    await tx.indicator.updateMany({
      where: { id, tenantId: ctx.tenant.id },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    await audit({
      action: archived ? "indicator.archived" : "indicator.restored",
      entityType: "Indicator",
      entityId: id,
      before: { activityId, archived: !archived },
      after: { activityId, archived },
    });
  });
}
