import "server-only";
// The rows an update is read from and the shapes pages get, shared by the files beside this one.
import { Prisma } from "@/generated/prisma/client";
import { diffSnapshots } from "@/lib/domain/activity-rules";
import { ConflictError, NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import { checkIndicatorValue } from "@/lib/domain/progress";
import { toTexts } from "@/lib/domain/texts";
import type {
  IndicatorForReport,
  IndicatorValueInput,
  TrailStep,
  UpdateValues,
  UpdateView,
} from "@/lib/domain/types/progress";
import type { Disaggregation } from "@/lib/domain/types/indicators";
import type { TenantContext } from "../../context";
import { type Tx } from "../../door";
import { decimalText } from "../../indicators";
import { type PeriodRow } from "../shared";

export const activityForReportSelect = {
  id: true,
  code: true,
  title: true,
  planId: true,
  leadAgencyId: true,
  status: true,
  percentComplete: true,
  version: true,
  partners: { select: { agencyId: true } },
  indicators: {
    where: { archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      name: true,
      unit: true,
      unitLabel: true,
      valueKind: true,
      baseline: true,
      target: true,
      disaggregation: true,
    },
  },
} as const satisfies Prisma.ActivitySelect;
export type ActivityForReport = Prisma.ActivityGetPayload<{ select: typeof activityForReportSelect }>;

export const person = { select: { name: true } } as const;

export const updateSelect = {
  id: true,
  activityId: true,
  periodId: true,
  status: true,
  activityStatus: true,
  percentComplete: true,
  achievements: true,
  challenges: true,
  nextSteps: true,
  noChange: true,
  version: true,
  reviewComment: true,
  authorId: true,
  submittedAt: true,
  submittedById: true,
  signedOffAt: true,
  reviewedAt: true,
  updatedAt: true,
  author: person,
  submittedBy: person,
  signedOffBy: person,
  reviewer: person,
  values: {
    select: { indicatorId: true, value: true, numerator: true, denominator: true, breakdown: true, note: true },
  },
} as const satisfies Prisma.ProgressUpdateSelect;
export type UpdateRow = Prisma.ProgressUpdateGetPayload<{ select: typeof updateSelect }>;

export const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

export function disaggregationOf(json: unknown): Disaggregation[] {
  if (!Array.isArray(json)) return [];
  return json.map((d: { dimension?: unknown; categories?: unknown }) => ({
    dimension: String(d?.dimension ?? ""),
    categories: Array.isArray(d?.categories) ? d.categories.map(String) : [],
  }));
}

export function toIndicators(a: ActivityForReport): IndicatorForReport[] {
  return a.indicators.map((i) => ({
    id: i.id,
    name: toTexts(i.name),
    unit: i.unit,
    unitLabel: toTexts(i.unitLabel),
    valueKind: i.valueKind,
    baseline: num(i.baseline),
    target: num(i.target),
    disaggregation: disaggregationOf(i.disaggregation),
  }));
}

export function breakdownOf(json: unknown): Record<string, Record<string, number>> | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const out: Record<string, Record<string, number>> = {};
  for (const [dimension, cells] of Object.entries(json as Record<string, unknown>)) {
    if (!cells || typeof cells !== "object") continue;
    out[dimension] = Object.fromEntries(
      Object.entries(cells as Record<string, unknown>).map(([c, n]) => [c, Number(n)]),
    );
  }
  return out;
}

/** The update's content in the form's shape, values in the activity's indicator order. */
export function valuesOf(row: UpdateRow, order: readonly string[] = []): UpdateValues {
  const rank = new Map(order.map((id, i) => [id, i]));
  return {
    activityStatus: row.activityStatus,
    percentComplete: row.percentComplete,
    achievements: toTexts(row.achievements),
    challenges: toTexts(row.challenges),
    nextSteps: toTexts(row.nextSteps),
    noChange: row.noChange,
    values: row.values
      .map((v) => ({
        indicatorId: v.indicatorId,
        value: decimalText(v.value),
        numerator: decimalText(v.numerator),
        denominator: decimalText(v.denominator),
        breakdown: breakdownOf(v.breakdown),
        note: v.note,
      }))
      .sort((a, b) => (rank.get(a.indicatorId) ?? 1e9) - (rank.get(b.indicatorId) ?? 1e9)),
  };
}

/** What an audit event of a submission stores: the update's content as submitted. */
export function snapshotOf(row: UpdateRow) {
  const v = valuesOf(row);
  return { activityId: row.activityId, periodId: row.periodId, ...v };
}

export const TRAIL_FIELDS = [
  "activityStatus",
  "percentComplete",
  "achievements",
  "challenges",
  "nextSteps",
  "noChange",
  "values",
] as const;

export async function trailOf(tx: Tx, tenantId: string, updateId: string): Promise<TrailStep[]> {
  const events = await tx.auditEvent.findMany({
    where: { tenantId, entityType: "ProgressUpdate", entityId: updateId },
    orderBy: { createdAt: "asc" },
    select: {
      action: true,
      createdAt: true,
      reason: true,
      after: true,
      actor: { select: { name: true } },
      actorKind: true,
    },
  });
  let lastSubmitted: Record<string, unknown> | null = null;
  return events.map((e) => {
    let changed: string[] = [];
    if (e.action === "update.submitted" && e.after && typeof e.after === "object") {
      const after = e.after as Record<string, unknown>;
      if (lastSubmitted) changed = diffSnapshots(lastSubmitted, after, [...TRAIL_FIELDS]).changed;
      lastSubmitted = after;
    }
    return {
      action: e.action,
      at: e.createdAt,
      by: e.actor?.name ?? null,
      comment: e.reason,
      changed,
    };
  });
}

export async function evidenceOf(tx: Tx, tenantId: string, updateId: string) {
  const rows = await tx.evidence.findMany({
    where: { tenantId, updateId, removedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      access: true,
      contributionId: true,
      createdAt: true,
      uploadedBy: person,
    },
  });
  return rows.map(({ uploadedBy, ...r }) => ({ ...r, uploadedBy: uploadedBy?.name ?? null }));
}

export async function contributionsOf(tx: Tx, tenantId: string, updateId: string) {
  const rows = await tx.updateContribution.findMany({
    where: { tenantId, updateId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      agencyId: true,
      note: true,
      version: true,
      updatedAt: true,
      author: person,
      agency: { select: { name: true, shortName: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    agencyId: c.agencyId,
    agency: { name: toTexts(c.agency.name), shortName: toTexts(c.agency.shortName) },
    note: toTexts(c.note),
    author: c.author?.name ?? null,
    version: c.version,
    updatedAt: c.updatedAt,
  }));
}

export async function toUpdateView(
  tx: Tx,
  tenantId: string,
  row: UpdateRow,
  order: readonly string[],
): Promise<UpdateView> {
  const [evidence, contributions, trail] = await Promise.all([
    evidenceOf(tx, tenantId, row.id),
    contributionsOf(tx, tenantId, row.id),
    trailOf(tx, tenantId, row.id),
  ]);
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    reviewComment: row.reviewComment,
    author: row.author?.name ?? null,
    submittedAt: row.submittedAt,
    submittedBy: row.submittedBy?.name ?? null,
    signedOffAt: row.signedOffAt,
    signedOffBy: row.signedOffBy?.name ?? null,
    reviewedAt: row.reviewedAt,
    reviewer: row.reviewer?.name ?? null,
    updatedAt: row.updatedAt,
    ...valuesOf(row, order),
    evidence,
    contributions,
    trail,
  };
}

export async function requireActivity(tx: Tx, ctx: TenantContext, activityId: string): Promise<ActivityForReport> {
  const activity = await tx.activity.findFirst({
    where: { id: activityId, tenantId: ctx.tenant.id, archivedAt: null, plan: { archivedAt: null } },
    select: activityForReportSelect,
  });
  if (!activity) throw new NotFoundError("activity");
  return activity;
}

/** The last approved update of the activity in a period that ended before this one. */
export async function previousApprovedOf(tx: Tx, tenantId: string, activityId: string, period: PeriodRow) {
  return tx.progressUpdate.findFirst({
    where: { tenantId, activityId, status: "APPROVED", period: { endDate: { lt: period.endDate } } },
    orderBy: [{ period: { endDate: "desc" } }],
    select: { ...updateSelect, period: { select: { label: true } } },
  });
}

/** Viewers see approved figures only; drafts and submissions are the reporters' and reviewers'. */
export const seesWork = (ctx: TenantContext) => ctx.role !== "VIEWER";

export async function signOffAsked(tx: Tx, ctx: TenantContext): Promise<boolean> {
  const tenant = await tx.tenant.findUnique({ where: { id: ctx.tenant.id }, select: { agencySignOff: true } });
  return Boolean(tenant?.agencySignOff);
}

/** Field errors of the values, all at once; unknown indicators are refused outright. */
export function checkValues(indicators: IndicatorForReport[], values: IndicatorValueInput[]) {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const errors: Record<string, MessageRef> = {};
  const stored: IndicatorValueInput[] = [];
  values.forEach((v, index) => {
    const indicator = byId.get(v.indicatorId);
    if (!indicator) throw new NotFoundError("indicator");
    const checked = checkIndicatorValue(indicator, v, index);
    Object.assign(errors, checked.errors);
    stored.push({ ...v, value: checked.value, note: v.note?.trim() || null });
  });
  return { errors, stored };
}

export function refuse(reason: string, status: string): never {
  throw new RuleError(`progress.refused.${reason}`, {}, { status });
}

/** The values the form was loaded with no longer hold: the other person's, for the form to show. */
export function conflictOf(row: UpdateRow | null): ConflictError {
  return new ConflictError(row ? { version: row.version, status: row.status, ...valuesOf(row) } : {});
}
