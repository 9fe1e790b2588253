// Factories for the overview across countries: a tenant with an active plan whose activities sit
// in the sections (pillars, or none) a test names, reporting periods, and approved updates as
// the review would have left them. The figures they make are counted by hand in the tests.
import { getDb } from "@/lib/db";
import type { TenantRef } from "@/lib/data/context";
import { parseIsoDay } from "@/lib/domain/day";
import type { ActivityStatus, Pillar } from "@/lib/domain/enums";
import { createTenant, createUser } from "./index";

/** The day the overview's tests treat as today: Q2 2026 has opened and is past due, Q1 2026 is the one before. */
export const OVERVIEW_TODAY = parseIsoDay("2026-07-20");

export const Q1_2026 = { start: "2026-01-01", end: "2026-03-31", opens: "2026-03-17", due: "2026-04-15" };
export const Q2_2026 = { start: "2026-04-01", end: "2026-06-30", opens: "2026-06-16", due: "2026-07-15" };
/** Opens after OVERVIEW_TODAY: never the default "as of". */
export const Q3_2026 = { start: "2026-07-01", end: "2026-09-30", opens: "2026-09-16", due: "2026-10-15" };
/** The same quarter where reporting opens with it: open on OVERVIEW_TODAY, its reports not yet due. */
export const Q3_2026_OPEN = { ...Q3_2026, opens: "2026-07-01" };
type PeriodSpec = typeof Q1_2026;

export interface ActivitySpec {
  pillar: Pillar | null;
  start: string;
  end: string;
  /** Approved updates by period label ("Q1", "Q2"): status, percent, and when submitted (ISO). */
  updates?: Record<string, { status: ActivityStatus; percent: number; submitted?: string }>;
}

/**
 * A tenant named `name` with an active plan 2025-2027, its periods by label, and the activities
 * with their approved updates. Sections are made per pillar (one with no pillar for `null`).
 */
export async function countryWithPlan(
  name: string,
  periods: Record<string, PeriodSpec>,
  activities: ActivitySpec[],
): Promise<{ tenant: TenantRef; planId: string; periodIds: Record<string, string> }> {
  const db = await getDb();
  const tenant = await createTenant({ name });
  const reporter = await createUser({ tenant, role: "COORDINATOR" });
  const tenantId = tenant.id;
  const plan = await db.plan.create({
    data: {
      tenantId,
      title: { en: `National Action Plan of ${name} 2025-2027`, ru: `Национальный план ${name}` },
      startDate: parseIsoDay("2025-01-01"),
      endDate: parseIsoDay("2027-12-31"),
      status: "ACTIVE",
    },
    select: { id: true },
  });
  const periodIds: Record<string, string> = {};
  for (const [label, p] of Object.entries(periods)) {
    const row = await db.reportingPeriod.create({
      data: {
        tenantId,
        planId: plan.id,
        label: { en: `${label} 2026`, ru: `${label} 2026 г.` },
        startDate: parseIsoDay(p.start),
        endDate: parseIsoDay(p.end),
        opensOn: parseIsoDay(p.opens),
        dueDate: parseIsoDay(p.due),
        locksOn: parseIsoDay(p.due),
      },
      select: { id: true },
    });
    periodIds[label] = row.id;
  }
  const objectives = new Map<Pillar | null, string>();
  for (const [i, a] of activities.entries()) {
    let objectiveId = objectives.get(a.pillar);
    if (!objectiveId) {
      const n = objectives.size + 1;
      const section = await db.section.create({
        data: {
          tenantId,
          planId: plan.id,
          code: String(n),
          title: { en: a.pillar ?? "Coordination" },
          pillar: a.pillar,
          position: n,
        },
        select: { id: true },
      });
      objectiveId = (
        await db.objective.create({
          data: {
            tenantId,
            planId: plan.id,
            sectionId: section.id,
            code: `${n}.1`,
            title: { en: "Objective" },
            position: 1,
          },
          select: { id: true },
        })
      ).id;
      objectives.set(a.pillar, objectiveId);
    }
    const activity = await db.activity.create({
      data: {
        tenantId,
        planId: plan.id,
        objectiveId,
        code: `9.${i + 1}`,
        title: { en: `Activity ${i + 1}` },
        plannedStart: parseIsoDay(a.start),
        plannedEnd: parseIsoDay(a.end),
        position: i + 1,
      },
      select: { id: true },
    });
    for (const [label, u] of Object.entries(a.updates ?? {})) {
      const submittedAt = new Date(u.submitted ?? `${periods[label].end}T12:00:00Z`);
      await db.progressUpdate.create({
        data: {
          tenantId,
          activityId: activity.id,
          periodId: periodIds[label],
          status: "APPROVED",
          activityStatus: u.status,
          percentComplete: u.percent,
          authorId: reporter.id,
          submittedById: reporter.id,
          submittedAt,
          reviewerId: reporter.id,
          reviewedAt: submittedAt,
        },
      });
    }
  }
  return { tenant, planId: plan.id, periodIds };
}
