import "server-only";
// Progress updates: one per activity and period, written by the lead agency's focal points,
// signed off by the agency when the tenant asks for it, approved or returned by a coordinator.
// The table of who may do what is lib/domain/progress.ts; this file enforces it inside the door,
// records every step in the audit log (the update's trail) and writes the notifications it causes
// in the same transaction. Approval is what moves the activity's status and percent.
import { Prisma } from "@/generated/prisma/client";
import { checkStatusPercent, diffSnapshots } from "@/lib/domain/activity-rules";
import { toIsoDay } from "@/lib/domain/day";
import { ConflictError, NotFoundError, RuleError, type MessageRef } from "@/lib/domain/errors";
import type { NotificationPayload } from "@/lib/domain/notifications";
import {
  allowedActions,
  checkIndicatorValue,
  isReporter,
  needsComment,
  refusal,
  NEXT_STATUS,
  type UpdateAction,
} from "@/lib/domain/progress";
import { toTexts, type Texts } from "@/lib/domain/texts";
import type {
  IndicatorForReport,
  IndicatorValueInput,
  ReportContext,
  TrailStep,
  UpdateInput,
  UpdateValues,
  UpdateView,
} from "@/lib/domain/types/progress";
import type { Disaggregation } from "@/lib/domain/types/indicators";
import type { TenantContext } from "../context";
import { withTenant, type Audit, type Tx } from "../door";
import { decimalText } from "../indicators";
import { focalPointsOf, notify, reviewersOf, type NotificationInput } from "../notifications";
import {
  periodAcceptsReports,
  periodSelect,
  requirePeriod,
  standingOf,
  todayOf,
  toPeriodView,
  type PeriodRow,
} from "./shared";

const activityForReportSelect = {
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
      baseline: true,
      target: true,
      disaggregation: true,
    },
  },
} as const satisfies Prisma.ActivitySelect;
type ActivityForReport = Prisma.ActivityGetPayload<{ select: typeof activityForReportSelect }>;

const person = { select: { name: true } } as const;

const updateSelect = {
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
type UpdateRow = Prisma.ProgressUpdateGetPayload<{ select: typeof updateSelect }>;

const num = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

function disaggregationOf(json: unknown): Disaggregation[] {
  if (!Array.isArray(json)) return [];
  return json.map((d: { dimension?: unknown; categories?: unknown }) => ({
    dimension: String(d?.dimension ?? ""),
    categories: Array.isArray(d?.categories) ? d.categories.map(String) : [],
  }));
}

function toIndicators(a: ActivityForReport): IndicatorForReport[] {
  return a.indicators.map((i) => ({
    id: i.id,
    name: toTexts(i.name),
    unit: i.unit,
    unitLabel: toTexts(i.unitLabel),
    baseline: num(i.baseline),
    target: num(i.target),
    disaggregation: disaggregationOf(i.disaggregation),
  }));
}

function breakdownOf(json: unknown): Record<string, Record<string, number>> | null {
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
function valuesOf(row: UpdateRow, order: readonly string[] = []): UpdateValues {
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
function snapshotOf(row: UpdateRow) {
  const v = valuesOf(row);
  return { activityId: row.activityId, periodId: row.periodId, ...v };
}

const TRAIL_FIELDS = [
  "activityStatus",
  "percentComplete",
  "achievements",
  "challenges",
  "nextSteps",
  "noChange",
  "values",
] as const;

async function trailOf(tx: Tx, tenantId: string, updateId: string): Promise<TrailStep[]> {
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

async function evidenceOf(tx: Tx, tenantId: string, updateId: string) {
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

async function contributionsOf(tx: Tx, tenantId: string, updateId: string) {
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

async function toUpdateView(tx: Tx, tenantId: string, row: UpdateRow, order: readonly string[]): Promise<UpdateView> {
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

async function requireActivity(tx: Tx, ctx: TenantContext, activityId: string): Promise<ActivityForReport> {
  const activity = await tx.activity.findFirst({
    where: { id: activityId, tenantId: ctx.tenant.id, archivedAt: null, plan: { archivedAt: null } },
    select: activityForReportSelect,
  });
  if (!activity) throw new NotFoundError("activity");
  return activity;
}

/** The last approved update of the activity in a period that ended before this one. */
async function previousApprovedOf(tx: Tx, tenantId: string, activityId: string, period: PeriodRow) {
  return tx.progressUpdate.findFirst({
    where: { tenantId, activityId, status: "APPROVED", period: { endDate: { lt: period.endDate } } },
    orderBy: [{ period: { endDate: "desc" } }],
    select: { ...updateSelect, period: { select: { label: true } } },
  });
}

/** Viewers see approved figures only; drafts and submissions are the reporters' and reviewers'. */
const seesWork = (ctx: TenantContext) => ctx.role !== "VIEWER";

/**
 * Everything the report page shows for one activity and one period: the period's state, the
 * update (or none yet), the previous approved one, and what this person may do.
 */
export async function getReport(
  ctx: TenantContext,
  activityId: string,
  periodId: string,
  opts: { today?: Date } = {},
): Promise<ReportContext> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "tenant.view", async (tx) => {
    const [activity, period] = await Promise.all([
      requireActivity(tx, ctx, activityId),
      requirePeriod(tx, ctx, periodId),
    ]);
    if (period.planId !== activity.planId) throw new NotFoundError("period");
    const [row, previous, window, membership] = await Promise.all([
      tx.progressUpdate.findFirst({ where: { tenantId: ctx.tenant.id, activityId, periodId }, select: updateSelect }),
      previousApprovedOf(tx, ctx.tenant.id, activityId, period),
      periodAcceptsReports(tx, ctx.tenant.id, period, activity, today),
      ctx.role === "FOCAL_POINT" ? Promise.resolve(ctx.agencyId) : Promise.resolve(null),
    ]);
    const visible = row && (seesWork(ctx) || row.status === "APPROVED") ? row : null;
    const standing = await standingOf(tx, ctx, activity, visible, today);
    const order = activity.indicators.map((i) => i.id);
    const facts = {
      status: visible?.status ?? ("DRAFT" as const),
      agencySignOff: await signOffAsked(tx, ctx),
      periodAcceptsReports: window.accepts,
    };
    const partnerAgencyId =
      membership && activity.partners.some((p) => p.agencyId === membership) && membership !== activity.leadAgencyId
        ? membership
        : null;
    const pv = toPeriodView(period, today);
    return {
      activity: {
        id: activity.id,
        code: activity.code,
        title: toTexts(activity.title),
        planId: activity.planId,
        leadAgencyId: activity.leadAgencyId,
        partnerAgencyIds: activity.partners.map((p) => p.agencyId),
        status: activity.status,
        percentComplete: activity.percentComplete,
      },
      period: {
        id: pv.id,
        label: pv.label,
        startDate: pv.startDate,
        endDate: pv.endDate,
        dueDate: pv.dueDate,
        locksOn: pv.locksOn,
        status: pv.status,
      },
      acceptsReports: window.accepts,
      exceptionUntil: window.exceptionUntil,
      indicators: toIndicators(activity),
      update: visible ? await toUpdateView(tx, ctx.tenant.id, visible, order) : null,
      previousApproved: previous
        ? {
            id: previous.id,
            periodLabel: toTexts(previous.period.label),
            reviewedAt: previous.reviewedAt,
            ...valuesOf(previous, order),
          }
        : null,
      actions: seesWork(ctx) ? allowedActions(facts, standing) : [],
      partnerAgencyId,
      agencySignOff: facts.agencySignOff,
    };
  });
}

async function signOffAsked(tx: Tx, ctx: TenantContext): Promise<boolean> {
  const tenant = await tx.tenant.findUnique({ where: { id: ctx.tenant.id }, select: { agencySignOff: true } });
  return Boolean(tenant?.agencySignOff);
}

/** Field errors of the values, all at once; unknown indicators are refused outright. */
function checkValues(indicators: IndicatorForReport[], values: IndicatorValueInput[]) {
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

function refuse(reason: string, status: string): never {
  throw new RuleError(`progress.refused.${reason}`, {}, { status });
}

export interface SaveReportInput {
  activityId: string;
  periodId: string;
  /** The version the form was loaded with; null when it showed no update yet. */
  version: number | null;
  input: UpdateInput;
  /** Submit for review after saving. */
  submit: boolean;
  /** "No change this period": the input was carried from the previous approved update. */
  noChange?: boolean;
}

/** The values the form was loaded with no longer hold: the other person's, for the form to show. */
function conflictOf(row: UpdateRow | null): ConflictError {
  return new ConflictError(row ? { version: row.version, status: row.status, ...valuesOf(row) } : {});
}

/**
 * Saves the draft of an activity's update for a period (creating it), and submits it when asked.
 * Refused unless the person may report on the activity and the period accepts reports; a stale
 * version is a ConflictError carrying the saved values, so nothing typed or saved is lost.
 */
export async function saveReport(
  ctx: TenantContext,
  args: SaveReportInput,
  opts: { today?: Date } = {},
): Promise<{ id: string; version: number; status: string }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.report", async (tx, audit) => {
    // One writer at a time per activity: the second of two simultaneous first saves sees the
    // first's row and gets a conflict instead of a unique violation.
    await tx.$queryRaw`SELECT 1 FROM "Activity" WHERE "id" = ${args.activityId} AND "tenantId" = ${ctx.tenant.id} FOR UPDATE`;
    const [activity, period] = await Promise.all([
      requireActivity(tx, ctx, args.activityId),
      requirePeriod(tx, ctx, args.periodId),
    ]);
    if (period.planId !== activity.planId) throw new NotFoundError("period");
    const existing = await tx.progressUpdate.findFirst({
      where: { tenantId: ctx.tenant.id, activityId: activity.id, periodId: period.id },
      select: updateSelect,
    });
    if ((existing?.version ?? null) !== args.version) throw conflictOf(existing);
    const [window, standing, agencySignOff] = await Promise.all([
      periodAcceptsReports(tx, ctx.tenant.id, period, activity, today),
      standingOf(tx, ctx, activity, existing, today),
      signOffAsked(tx, ctx),
    ]);
    const facts = {
      status: existing?.status ?? ("DRAFT" as const),
      agencySignOff,
      periodAcceptsReports: window.accepts,
    };
    const why = refusal(args.submit ? "submit" : "save", facts, standing);
    if (why) refuse(why, facts.status);

    const { errors, stored } = checkValues(toIndicators(activity), args.input.values);
    const story = checkStatusPercent(args.input.activityStatus, args.input.percentComplete);
    if (story) errors.percentComplete = story;
    if (Object.keys(errors).length) throw new RuleError("errors.invalidInput", errors);

    const data = {
      activityStatus: args.input.activityStatus,
      percentComplete: args.input.percentComplete,
      achievements: toTexts(args.input.achievements) as Prisma.InputJsonObject,
      challenges: toTexts(args.input.challenges) as Prisma.InputJsonObject,
      nextSteps: toTexts(args.input.nextSteps) as Prisma.InputJsonObject,
      noChange: Boolean(args.noChange),
      ...(args.submit
        ? {
            status: "SUBMITTED" as const,
            submittedAt: new Date(),
            submittedById: ctx.user.id,
            signedOffAt: null,
            signedOffById: null,
          }
        : {}),
    };
    let id: string;
    if (!existing) {
      const created = await tx.progressUpdate.create({
        data: { tenantId: ctx.tenant.id, activityId: activity.id, periodId: period.id, authorId: ctx.user.id, ...data },
        select: { id: true },
      });
      id = created.id;
    } else {
      const { count } = await tx.progressUpdate.updateMany({
        where: { id: existing.id, tenantId: ctx.tenant.id, version: existing.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw conflictOf(existing);
      id = existing.id;
      await tx.indicatorValue.deleteMany({ where: { tenantId: ctx.tenant.id, progressUpdateId: id } });
    }
    const kept = stored.filter(
      (v) => v.value !== null || v.numerator !== null || v.denominator !== null || v.breakdown || v.note,
    );
    if (kept.length)
      await tx.indicatorValue.createMany({
        data: kept.map((v) => ({
          tenantId: ctx.tenant.id,
          progressUpdateId: id,
          indicatorId: v.indicatorId,
          value: v.value,
          numerator: v.numerator,
          denominator: v.denominator,
          breakdown: v.breakdown ?? Prisma.DbNull,
          note: v.note,
        })),
      });
    const saved = await tx.progressUpdate.findUniqueOrThrow({ where: { id }, select: updateSelect });
    if (args.submit) {
      await audit({
        action: "update.submitted",
        entityType: "ProgressUpdate",
        entityId: id,
        activityId: activity.id,
        after: snapshotOf(saved),
        reason: args.noChange ? toTexts(args.input.achievements)[firstLanguage(args.input.achievements)] : null,
      });
      await notifySubmitted(tx, ctx, activity, period, id, agencySignOff, today);
    }
    return { id, version: saved.version, status: saved.status };
  });
}

const firstLanguage = (t: Texts) => Object.keys(t)[0] as keyof Texts;

/**
 * "No change this period": the last approved update's status, percent and values, carried into
 * this period's update with a required note, and submitted.
 */
export async function carryForward(
  ctx: TenantContext,
  args: { activityId: string; periodId: string; version: number | null; note: Texts },
  opts: { today?: Date } = {},
) {
  if (!Object.values(args.note).some((t) => t?.trim()))
    throw new RuleError("errors.invalidInput", { note: { key: "progress.refused.commentRequired" } });
  const previous = await withTenant(ctx, "progress.report", async (tx) => {
    const period = await requirePeriod(tx, ctx, args.periodId);
    return previousApprovedOf(tx, ctx.tenant.id, args.activityId, period);
  });
  if (!previous) throw new RuleError("progress.refused.noApproved");
  const v = valuesOf(previous);
  return saveReport(
    ctx,
    {
      activityId: args.activityId,
      periodId: args.periodId,
      version: args.version,
      submit: true,
      noChange: true,
      input: {
        activityStatus: v.activityStatus,
        percentComplete: v.percentComplete,
        achievements: args.note,
        challenges: {},
        nextSteps: v.nextSteps,
        values: v.values,
      },
    },
    opts,
  );
}

export type ReviewAction = Exclude<UpdateAction, "save" | "submit">;

const STEP_AUDIT = {
  signOff: "update.signedOff",
  approve: "update.approved",
  return: "update.returned",
  reopen: "update.reopened",
} as const;

/**
 * Moves a submitted update on: the agency signs it off, a coordinator approves or returns it (with
 * a comment), or reopens an approved one (with a reason). Approval and reopening set the
 * activity's status and percent from its latest approved update.
 */
export async function transitionUpdate(
  ctx: TenantContext,
  args: { updateId: string; version: number; action: ReviewAction; comment?: string | null },
  opts: { today?: Date } = {},
): Promise<{ version: number; status: string }> {
  const today = todayOf(opts.today);
  const comment = args.comment?.trim() || null;
  if (needsComment(args.action) && !comment)
    throw new RuleError("errors.invalidInput", { comment: { key: "progress.refused.commentRequired" } });
  return withTenant(ctx, "progress.report", (tx, audit) => stepTx(tx, ctx, audit, { ...args, comment }, today));
}

/** Several submitted updates approved at once (nothing needing a comment): each checked on its own. */
export async function approveMany(
  ctx: TenantContext,
  items: { updateId: string; version: number }[],
  opts: { today?: Date } = {},
): Promise<{ approved: number }> {
  const today = todayOf(opts.today);
  return withTenant(ctx, "progress.review", async (tx, audit) => {
    for (const item of items) await stepTx(tx, ctx, audit, { ...item, action: "approve", comment: null }, today);
    return { approved: items.length };
  });
}

async function stepTx(
  tx: Tx,
  ctx: TenantContext,
  audit: Audit,
  args: { updateId: string; version: number; action: ReviewAction; comment: string | null },
  today: Date,
): Promise<{ version: number; status: string }> {
  const row = await tx.progressUpdate.findFirst({
    where: { id: args.updateId, tenantId: ctx.tenant.id },
    select: { ...updateSelect, period: { select: periodSelect } },
  });
  if (!row) throw new NotFoundError("update");
  const activity = await requireActivity(tx, ctx, row.activityId);
  if (row.version !== args.version) throw conflictOf(row);
  const [standing, agencySignOff, window] = await Promise.all([
    standingOf(tx, ctx, activity, row, today),
    signOffAsked(tx, ctx),
    periodAcceptsReports(tx, ctx.tenant.id, row.period, activity, today),
  ]);
  const facts = { status: row.status, agencySignOff, periodAcceptsReports: window.accepts };
  const why = refusal(args.action, facts, standing);
  if (why) refuse(why, row.status);

  const now = new Date();
  const next = NEXT_STATUS[args.action]!;
  const data =
    args.action === "signOff"
      ? { signedOffAt: now, signedOffById: ctx.user.id }
      : args.action === "approve"
        ? { reviewerId: ctx.user.id, reviewedAt: now, reviewComment: null }
        : { reviewerId: ctx.user.id, reviewedAt: now, reviewComment: args.comment };
  const { count } = await tx.progressUpdate.updateMany({
    where: { id: row.id, tenantId: ctx.tenant.id, version: row.version },
    data: { ...data, status: next, version: { increment: 1 } },
  });
  if (count === 0) throw conflictOf(row);
  await audit({
    action: STEP_AUDIT[args.action],
    entityType: "ProgressUpdate",
    entityId: row.id,
    activityId: row.activityId,
    after: { activityId: row.activityId, periodId: row.periodId },
    reason: args.comment,
  });
  if (args.action === "approve" || args.action === "reopen") await applyApproved(tx, ctx, audit, row.activityId);
  await notifyStep(tx, ctx, args.action, row, activity, args.comment, today);
  return { version: row.version + 1, status: next };
}

/**
 * The activity's status and percent become those of its latest approved update (by the period it
 * reports on): what the plan page, dashboards and reports count. Recorded as an activity change.
 */
async function applyApproved(tx: Tx, ctx: TenantContext, audit: Audit, activityId: string): Promise<void> {
  const latest = await tx.progressUpdate.findFirst({
    where: { tenantId: ctx.tenant.id, activityId, status: "APPROVED" },
    orderBy: [{ period: { endDate: "desc" } }],
    select: { activityStatus: true, percentComplete: true, period: { select: { label: true } } },
  });
  if (!latest) return;
  const activity = await tx.activity.findFirstOrThrow({
    where: { id: activityId, tenantId: ctx.tenant.id },
    select: { status: true, percentComplete: true },
  });
  const before = { status: activity.status, percentComplete: activity.percentComplete };
  const after = { status: latest.activityStatus, percentComplete: latest.percentComplete };
  const diff = diffSnapshots(before, after);
  if (diff.changed.length === 0) return;
  await tx.activity.updateMany({
    where: { id: activityId, tenantId: ctx.tenant.id },
    data: { ...after, version: { increment: 1 } },
  });
  const label = toTexts(latest.period.label);
  await audit({
    action: "activity.updated",
    entityType: "Activity",
    entityId: activityId,
    before: diff.before,
    after: diff.after,
    reason: `approved update: ${label.en ?? Object.values(label)[0] ?? ""}`,
  });
}

// Notifications --------------------------------------------------------------------------------

function payloadOf(activity: ActivityForReport, period: { label: unknown }, extra: Partial<NotificationPayload> = {}) {
  return {
    activityCode: activity.code,
    activity: toTexts(activity.title) as Record<string, string>,
    period: toTexts(period.label) as Record<string, string>,
    ...extra,
  } satisfies NotificationPayload;
}

const reportLink = (activityId: string, periodId: string) => `/activities/${activityId}/report?period=${periodId}`;

async function notifySubmitted(
  tx: Tx,
  ctx: TenantContext,
  activity: ActivityForReport,
  period: PeriodRow,
  updateId: string,
  agencySignOff: boolean,
  today: Date,
) {
  const recipients =
    agencySignOff && activity.leadAgencyId
      ? await focalPointsOf(tx, ctx.tenant.id, activity.leadAgencyId, { primaryOnly: true, today })
      : await reviewersOf(tx, ctx.tenant.id);
  const kind = agencySignOff ? "update.signOffNeeded" : "update.submitted";
  const payload = payloadOf(activity, period, { by: ctx.user.name });
  await notify(
    tx,
    ctx.tenant.id,
    recipients
      .filter((u) => u !== ctx.user.id)
      .map((userId): NotificationInput => ({ userId, kind, payload, link: reportLink(activity.id, period.id) })),
  );
  void updateId;
}

async function notifyStep(
  tx: Tx,
  ctx: TenantContext,
  action: ReviewAction,
  row: UpdateRow & { period: PeriodRow },
  activity: ActivityForReport,
  comment: string | null,
  today: Date,
) {
  const link = reportLink(activity.id, row.periodId);
  const payload = payloadOf(activity, row.period, { by: ctx.user.name, ...(comment ? { comment } : {}) });
  let recipients: string[];
  let kind: NotificationInput["kind"];
  if (action === "signOff") {
    recipients = await reviewersOf(tx, ctx.tenant.id);
    kind = "update.submitted";
  } else {
    // The person who submitted (and wrote) it, and the agency's primary focal points.
    const agency = activity.leadAgencyId
      ? await focalPointsOf(tx, ctx.tenant.id, activity.leadAgencyId, { primaryOnly: true, today })
      : [];
    recipients = [row.submittedById, row.authorId, ...agency].filter((u): u is string => Boolean(u));
    kind = action === "approve" ? "update.approved" : action === "return" ? "update.returned" : "update.reopened";
  }
  const unique = [...new Set(recipients)].filter((u) => u !== ctx.user.id);
  await notify(
    tx,
    ctx.tenant.id,
    unique.map((userId) => ({ userId, kind, payload, link })),
  );
}

/** For the activity page: the periods of its plan that accept reports today, and its update in each. */
export async function reportablePeriods(ctx: TenantContext, activityId: string, opts: { today?: Date } = {}) {
  const today = todayOf(opts.today);
  return withTenant(ctx, "tenant.view", async (tx) => {
    const activity = await requireActivity(tx, ctx, activityId);
    const periods = await tx.reportingPeriod.findMany({
      where: { tenantId: ctx.tenant.id, planId: activity.planId },
      orderBy: { startDate: "asc" },
      select: {
        ...periodSelect,
        updates: {
          where: { activityId },
          select: { id: true, status: true, reviewedAt: true, reviewer: { select: { name: true } } },
        },
      },
    });
    return periods.map((p) => ({
      ...toPeriodView(p, today),
      update: p.updates[0]
        ? {
            id: p.updates[0].id,
            status: p.updates[0].status,
            reviewedAt: p.updates[0].reviewedAt,
            reviewer: p.updates[0].reviewer?.name ?? null,
          }
        : null,
      days: { start: toIsoDay(p.startDate), end: toIsoDay(p.endDate) },
    }));
  });
}

/**
 * The rules of an update's values and story that can be checked on a form that failed its schema
 * (the fields that parsed): so a refused report says everything at once, also without JavaScript.
 * Nothing for a person who may not report here (the handler, never reached, would refuse them).
 */
export async function reportRuleErrors(
  ctx: TenantContext,
  partial: {
    activityId?: unknown;
    activityStatus?: unknown;
    percentComplete?: unknown;
    values?: unknown;
  },
): Promise<Record<string, MessageRef>> {
  const errors: Record<string, MessageRef> = {};
  if (typeof partial.activityStatus === "string" && typeof partial.percentComplete === "number") {
    const story = checkStatusPercent(partial.activityStatus as UpdateInput["activityStatus"], partial.percentComplete);
    if (story) errors.percentComplete = story;
  }
  if (typeof partial.activityId !== "string" || !Array.isArray(partial.values)) return errors;
  const activityId = partial.activityId;
  const values = partial.values as IndicatorValueInput[];
  const indicators = await withTenant(ctx, "progress.report", async (tx) => {
    const activity = await requireActivity(tx, ctx, activityId);
    const standing = await standingOf(tx, ctx, activity, null, todayOf());
    return isReporter(standing) ? toIndicators(activity) : null;
  }).catch(() => null);
  if (!indicators) return errors;
  const byId = new Map(indicators.map((i) => [i.id, i]));
  values.forEach((v, index) => {
    const indicator = byId.get(v.indicatorId);
    if (indicator) Object.assign(errors, checkIndicatorValue(indicator, v, index).errors);
  });
  return errors;
}
