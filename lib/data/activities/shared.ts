import "server-only";
// What the activity data functions share: the stored row in the form's shape (a snapshot), the
// checks that read other rows, all run inside the caller's door (they take its `tx`).
import type { Prisma } from "@/generated/prisma/client";
import { ACTIVITY_FIELDS, type ActivitySnapshot } from "@/lib/domain/activity-rules";
import { parseIsoDay, toIsoDay } from "@/lib/domain/day";
import { normaliseCode } from "@/lib/domain/codes";
import { RuleError, type MessageRef } from "@/lib/domain/errors";
import { toTexts } from "@/lib/domain/texts";
import type { ActivityInput } from "@/lib/domain/types/activities";
import type { TenantContext } from "../context";
import type { Tx } from "../door";
import { decimalText } from "../indicators";

export const activitySelect = {
  id: true,
  planId: true,
  objectiveId: true,
  code: true,
  title: true,
  description: true,
  expectedResults: true,
  leadAgencyId: true,
  plannedStart: true,
  plannedEnd: true,
  budget: true,
  currency: true,
  fundingSource: true,
  status: true,
  percentComplete: true,
  version: true,
  archivedAt: true,
  partners: { select: { agencyId: true } },
} as const;
export type ActivityRow = Prisma.ActivityGetPayload<{ select: typeof activitySelect }>;

export function toSnapshot(a: ActivityRow): ActivitySnapshot {
  return {
    objectiveId: a.objectiveId,
    code: a.code,
    title: toTexts(a.title),
    description: toTexts(a.description),
    expectedResults: toTexts(a.expectedResults),
    leadAgencyId: a.leadAgencyId,
    partnerAgencyIds: a.partners.map((p) => p.agencyId).sort(),
    plannedStart: a.plannedStart && toIsoDay(a.plannedStart),
    plannedEnd: a.plannedEnd && toIsoDay(a.plannedEnd),
    budget: decimalText(a.budget),
    currency: a.currency,
    fundingSource: toTexts(a.fundingSource),
    status: a.status,
    percentComplete: a.percentComplete,
  };
}

/** The input in the same shape as a stored snapshot, so the two compare field by field. */
export function normalize(input: ActivityInput): ActivitySnapshot {
  const picked = Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, input[f]])) as unknown as ActivitySnapshot;
  return {
    ...picked,
    code: normaliseCode(input.code),
    title: toTexts(input.title),
    description: toTexts(input.description),
    expectedResults: toTexts(input.expectedResults),
    fundingSource: toTexts(input.fundingSource),
    partnerAgencyIds: [...new Set(input.partnerAgencyIds)].sort(),
  };
}

export function toData(s: ActivitySnapshot) {
  const day = (d: string | null) => (d ? parseIsoDay(d) : null);
  return {
    objectiveId: s.objectiveId,
    code: s.code,
    title: s.title,
    description: s.description,
    expectedResults: s.expectedResults,
    leadAgencyId: s.leadAgencyId,
    plannedStart: day(s.plannedStart),
    plannedEnd: day(s.plannedEnd),
    budget: s.budget,
    currency: s.currency,
    fundingSource: s.fundingSource,
    status: s.status,
    percentComplete: s.percentComplete,
  };
}

export function failIf(errors: Record<string, MessageRef>, message = "errors.invalidInput"): void {
  if (Object.keys(errors).length) throw new RuleError(message, errors);
}

export const CODE_TAKEN = { code: { key: "activityForm.validation.codeTaken" } };

/** A race on the unique code (two people saving "2.1.3" at once) ends as the same field error. */
export const codeRace = { unique: () => new RuleError("errors.invalidInput", CODE_TAKEN) };

export const period = (plan: { startDate: Date; endDate: Date }) => ({
  startDate: toIsoDay(plan.startDate),
  endDate: toIsoDay(plan.endDate),
});

/** Progress reported, or any change after creation to the activity or its indicators. */
export async function hasHistory(tx: Tx, ctx: TenantContext, id: string, indicatorIds: string[]): Promise<boolean> {
  const tenantId = ctx.tenant.id;
  const [updates, events] = await Promise.all([
    tx.progressUpdate.count({ where: { tenantId, activityId: id } }),
    tx.auditEvent.count({
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
export async function codeFree(
  tx: Tx,
  ctx: TenantContext,
  planId: string,
  code: string,
  exceptId?: string | null,
): Promise<boolean> {
  const clash = await tx.activity.findFirst({
    where: {
      tenantId: ctx.tenant.id,
      planId,
      code: { equals: code.trim(), mode: "insensitive" },
      ...(exceptId ? { NOT: { id: exceptId } } : {}),
    },
    select: { id: true },
  });
  return !clash;
}
