// Factories for the reporting cycle: a tenant with a plan, an activity its agency leads (with one
// plain and one broken-down indicator), a period around a fixed "today", and the people who
// report, sign off and review. Every date rule is tested against TODAY, never the clock.
import { getDb } from "@/lib/db";
import type { TenantContext } from "@/lib/data/context";
import { parseIsoDay } from "@/lib/domain/day";
import type { UpdateInput } from "@/lib/domain/types/progress";
import { indicatorInput, makeActivity, twoPlans, type Side } from "./activities";
import { createUser, ctxFor } from "./index";

/** The day every reporting test treats as today. */
export const TODAY = parseIsoDay("2026-07-05");

export interface PeriodDays {
  startDate: string;
  endDate: string;
  opensOn: string;
  dueDate: string;
  locksOn: string;
}

/** Q2 2026: opened 16 June, due 15 July, locks 30 July; so open on TODAY. */
export const OPEN_Q2: PeriodDays = {
  startDate: "2026-04-01",
  endDate: "2026-06-30",
  opensOn: "2026-06-16",
  dueDate: "2026-07-15",
  locksOn: "2026-07-30",
};
/** Q1 2026: locked since 30 April. */
export const LOCKED_Q1: PeriodDays = {
  startDate: "2026-01-01",
  endDate: "2026-03-31",
  opensOn: "2026-03-17",
  dueDate: "2026-04-15",
  locksOn: "2026-04-30",
};

export async function addReportingPeriod(side: Side, days: PeriodDays, label = `P ${days.startDate}`) {
  const db = await getDb();
  return db.reportingPeriod.create({
    data: {
      tenantId: side.tenant.id,
      planId: side.plan.id,
      label: { en: label, ru: `П ${days.startDate}` },
      startDate: parseIsoDay(days.startDate),
      endDate: parseIsoDay(days.endDate),
      opensOn: parseIsoDay(days.opensOn),
      dueDate: parseIsoDay(days.dueDate),
      locksOn: parseIsoDay(days.locksOn),
    },
    select: { id: true },
  });
}

/** A focal point of `agencyId` in the side's tenant, with their context. */
export async function focalPointOf(side: Side, agencyId: string, opts: { primary?: boolean } = {}) {
  const user = await createUser({ tenant: side.tenant, role: "FOCAL_POINT", agencyId });
  if (opts.primary) {
    const db = await getDb();
    await db.membership.updateMany({
      where: { tenantId: side.tenant.id, userId: user.id },
      data: { primaryFocalPoint: true },
    });
  }
  return { user, ctx: await ctxFor(user, side.tenant) };
}

/** Two tenants; in A an activity led by A's agency with a partner, two indicators, and an open and a locked period. */
export async function reportingWorld() {
  const { a, b } = await twoPlans();
  const activity = await makeActivity(
    a.ctx.admin,
    a.plan,
    { leadAgencyId: a.agency.id, partnerAgencyIds: [a.partner.id] },
    [
      indicatorInput({ name: { en: "Officers trained" } }),
      indicatorInput({
        name: { en: "Victims assisted" },
        disaggregation: [{ dimension: "sex", categories: ["female", "male"] }],
      }),
    ],
  );
  const [open, locked] = await Promise.all([
    addReportingPeriod(a, OPEN_Q2, "Q2 2026"),
    addReportingPeriod(a, LOCKED_Q1, "Q1 2026"),
  ]);
  const db = await getDb();
  const indicators = await db.indicator.findMany({
    where: { activityId: activity.id },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const [colleague, partnerFocal, otherFocal] = await Promise.all([
    focalPointOf(a, a.agency.id),
    focalPointOf(a, a.partner.id),
    focalPointOf(a, a.other.id),
  ]);
  return { a, b, activity, open, locked, indicators: indicators.map((i) => i.id), colleague, partnerFocal, otherFocal };
}
export type ReportingWorld = Awaited<ReturnType<typeof reportingWorld>>;

/** A valid update: in progress at 40 %, a narrative, and a value for each indicator. */
export function updateInput(w: ReportingWorld, overrides: Partial<UpdateInput> = {}): UpdateInput {
  return {
    activityStatus: "IN_PROGRESS",
    percentComplete: 40,
    achievements: { en: "Trained 40 officers in Dashoguz" },
    challenges: {},
    nextSteps: { en: "Second course in Mary" },
    values: [
      { indicatorId: w.indicators[0], value: "40", numerator: null, denominator: null, breakdown: null, note: null },
      {
        indicatorId: w.indicators[1],
        value: "12",
        numerator: null,
        denominator: null,
        breakdown: { sex: { female: 9, male: 3 } },
        note: null,
      },
    ],
    ...overrides,
  };
}

export const ctxOf = (c: { ctx: TenantContext }) => c.ctx;
