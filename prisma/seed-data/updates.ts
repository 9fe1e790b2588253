// Progress reporting of one activity: an update per finished period of its span, ramping up to
// the status and percent the content gives, mostly APPROVED; optionally the last one SUBMITTED
// or RETURNED and a DRAFT in the open period. Totals so far on every other update; a per-period
// number on every update (a period left out would be missing from the sum), as what that period
// added, so the periods add up to the total the activity's percent implies.
import type { Prisma } from "@/generated/prisma/client";
import type { ActivityStatus } from "@/generated/prisma/enums";
import type { ActivitySpec, IndicatorSpec } from "./types";
import { addDays, hash, minDate, newId } from "./util";

export interface PeriodRef {
  id: string;
  startDate: Date;
  endDate: Date;
  status: "OPEN" | "CLOSED";
}

export interface ReportContext {
  tenantId: string;
  authorId: string | null;
  reviewerId: string | null;
  today: Date;
  indicators: { id: string; spec: IndicatorSpec }[];
}

export interface ActivityReport {
  updates: Prisma.ProgressUpdateCreateManyInput[];
  values: Prisma.IndicatorValueCreateManyInput[];
  /** The activity's status and percent: those of its last approved update. */
  status: ActivityStatus;
  percent: number;
}

const NEXT_STEPS = [
  "Continue as planned in the next period.",
  "Agree the next steps with partner agencies.",
  "Report results to the working group.",
  "Prepare the workplan for the next period.",
];

const GENERIC: Record<ActivityStatus, string> = {
  NOT_STARTED: "Not started yet.",
  IN_PROGRESS: "Work progressed as planned.",
  COMPLETED: "Activity completed.",
  DELAYED: "Work is behind schedule.",
  CANCELLED: "Activity cancelled.",
};

/** The same generic narratives as a Russian-speaking focal point writes them. */
const RUSSIAN: Record<string, string> = {
  "Continue as planned in the next period.": "Продолжить работу по плану в следующем периоде.",
  "Agree the next steps with partner agencies.": "Согласовать дальнейшие шаги с ведомствами-партнёрами.",
  "Report results to the working group.": "Доложить о результатах рабочей группе.",
  "Prepare the workplan for the next period.": "Подготовить план работы на следующий период.",
  "Not started yet.": "Работа ещё не начата.",
  "Work progressed as planned.": "Работа шла по плану.",
  "Activity completed.": "Мероприятие выполнено.",
  "Work is behind schedule.": "Работа отстаёт от графика.",
  "Activity cancelled.": "Мероприятие отменено.",
  "None: activity completed.": "Нет: мероприятие выполнено.",
};

const round5 = (n: number) => Math.round(n / 5) * 5;

function intermediateStatus(final: ActivityStatus, finalPercent: number, k: number, n: number): ActivityStatus {
  if (final === "NOT_STARTED") return "NOT_STARTED";
  if (final === "DELAYED" && n >= 3 && k >= n - 1) return "DELAYED";
  if (final === "CANCELLED" && finalPercent === 0) return "NOT_STARTED";
  return "IN_PROGRESS";
}

/** A narrative in English, with its Russian when the text is one of the generic ones; or none. */
const english = (text: string) => (text ? { en: text, ...(RUSSIAN[text] ? { ru: RUSSIAN[text] } : {}) } : {});

function pick(reports: string[] | undefined, k: number, n: number, status: ActivityStatus): string {
  if (!reports?.length) return GENERIC[status];
  const index = n === 1 ? 0 : Math.round(((k - 1) * (reports.length - 1)) / (n - 1));
  return reports[index];
}

function indicatorValue(spec: IndicatorSpec, percent: number, status: ActivityStatus): number {
  if (spec.unit === "YES_NO") return status === "COMPLETED" ? 1 : 0;
  const base = spec.baseline ?? 0;
  const target = spec.target ?? base;
  return Math.round(base + ((target - base) * percent) / 100);
}

const perPeriodNumber = (spec: IndicatorSpec) =>
  spec.valueKind === "PER_PERIOD" && (spec.unit ?? "NUMBER") === "NUMBER";

/** Where the activity stood in a period: its status and percent. */
interface Standing {
  percent: number;
  status: ActivityStatus;
}

/**
 * One update's values: every indicator's when `withTotals`, else only the per-period numbers. A
 * per-period number is what the period added (the rounded totals of this and the previous period
 * subtracted), so the periods sum exactly to what the last total gained over the baseline.
 */
function values(
  ctx: ReportContext,
  updateId: string,
  now: Standing,
  before: Standing,
  withTotals: boolean,
): Prisma.IndicatorValueCreateManyInput[] {
  const shown = ctx.indicators.filter(({ spec }) => withTotals || perPeriodNumber(spec));
  return shown.map(({ id, spec }) => {
    const total = indicatorValue(spec, now.percent, now.status);
    const value = perPeriodNumber(spec)
      ? Math.max(0, total - indicatorValue(spec, before.percent, before.status))
      : total;
    const female = Math.round(value * 0.55);
    return {
      id: newId(),
      tenantId: ctx.tenantId,
      progressUpdateId: updateId,
      indicatorId: id,
      value,
      breakdown: spec.bySex && spec.unit !== "YES_NO" ? { sex: { female, male: value - female } } : undefined,
    };
  });
}

export function reportActivity(
  activityId: string,
  act: ActivitySpec,
  span: { start: Date; end: Date },
  periods: PeriodRef[],
  ctx: ReportContext,
): ActivityReport {
  const report: ActivityReport = { updates: [], values: [], status: "NOT_STARTED", percent: 0 };
  if (span.start > ctx.today) return report;
  const inSpan = periods.filter((p) => p.endDate >= span.start && p.startDate <= span.end);
  const finished = inSpan.filter((p) => p.status === "CLOSED");
  const n = finished.length;
  const final = act.status === "COMPLETED" ? 100 : act.percent;
  const seed = hash(act.code + act.title);
  let before: Standing = { percent: 0, status: "NOT_STARTED" };

  finished.forEach((period, i) => {
    const k = i + 1;
    const isLast = k === n;
    const status = isLast ? act.status : intermediateStatus(act.status, final, k, n);
    const cap = final === 100 ? 95 : final;
    const percent = isLast ? final : status === "NOT_STARTED" ? 0 : Math.min(cap, Math.max(5, round5((final * k) / n)));
    const updateStatus = isLast && act.last ? act.last : "APPROVED";
    const submittedAt = minDate(addDays(period.endDate, 4 + ((seed + k * 7) % 9) + 0.4), ctx.today);
    const reviewedAt =
      updateStatus === "SUBMITTED" ? null : minDate(addDays(submittedAt, 2 + ((seed + k) % 6)), ctx.today);
    const troubled = status === "DELAYED" || status === "CANCELLED" || status === "NOT_STARTED";
    const id = newId();
    report.updates.push({
      id,
      tenantId: ctx.tenantId,
      activityId,
      periodId: period.id,
      status: updateStatus,
      activityStatus: status,
      percentComplete: percent,
      achievements: english(pick(act.reports, k, n, status)),
      challenges: english(
        status === act.status && (troubled || isLast)
          ? (act.challenge ?? (troubled ? GENERIC[status] : ""))
          : troubled
            ? GENERIC[status]
            : "",
      ),
      nextSteps: english(
        isLast
          ? (act.next ?? (status === "COMPLETED" ? "None: activity completed." : NEXT_STEPS[seed % NEXT_STEPS.length]))
          : NEXT_STEPS[(seed + k) % NEXT_STEPS.length],
      ),
      authorId: ctx.authorId,
      submittedAt,
      submittedById: ctx.authorId,
      reviewerId: reviewedAt ? ctx.reviewerId : null,
      reviewedAt,
      reviewComment:
        updateStatus === "RETURNED" ? (act.returnComment ?? "Please complete the narrative and resubmit.") : null,
      createdAt: addDays(submittedAt, -2),
      updatedAt: reviewedAt ?? submittedAt,
    });
    report.values.push(...values(ctx, id, { percent, status }, before, (n - k) % 2 === 0));
    before = { percent, status };
    if (updateStatus === "APPROVED") {
      report.status = status;
      report.percent = percent;
    }
  });

  const open = inSpan.find((p) => p.status === "OPEN");
  if (act.draft && open) {
    const createdAt = new Date(Math.max(open.startDate.getTime(), addDays(ctx.today, -3).getTime()));
    report.updates.push({
      id: newId(),
      tenantId: ctx.tenantId,
      activityId,
      periodId: open.id,
      status: "DRAFT",
      activityStatus: act.status === "NOT_STARTED" ? "IN_PROGRESS" : act.status,
      percentComplete: Math.min(100, Math.max(final, report.percent) + 5),
      achievements: { en: act.draft, ...(act.draftRu ? { ru: act.draftRu } : {}) },
      nextSteps: english(act.next ?? ""),
      authorId: ctx.authorId,
      createdAt,
      updatedAt: createdAt,
    });
  }
  return report;
}
