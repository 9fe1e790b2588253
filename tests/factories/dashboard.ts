// The dashboard's known dataset: one plan whose every figure tests/integration/dashboard.test.ts
// counts by hand. Written straight to the database (as the reporting cycle would have left it) so
// every state, date and value is the one the arithmetic in the test names.
//
//   sections  1 Prevention (objectives 1.1, 1.2, archived 1.9), 2 Protection (2.1), 3 no pillar (3.1),
//             4 Partnership (4.1, no activities); Prosecution has none
//   periods   Q1-Q4 2026, due the 15th after each quarter; today 2026-10-20 (Q3 the latest opened)
//   agencies  Alpha, Bravo, Charlie lead; Delta only partners; Echo leads only an archived objective's activity
import { getDb } from "@/lib/db";
import type { TenantRef } from "@/lib/data/context";
import { parseIsoDay } from "@/lib/domain/day";
import type { ActivityStatus, IndicatorDirection, IndicatorUnit, Pillar, UpdateStatus } from "@/lib/domain/enums";
import { createAgency, createTenantWithPeople, createUser, ctxFor } from "./index";
import { addObjective, addSection } from "./structure";

/** The day every dashboard test treats as today. */
export const FIG_TODAY = parseIsoDay("2026-10-20");

const day = (iso: string | null) => (iso ? parseIsoDay(iso) : null);

const quarter = (n: number, start: string, end: string, opens: string, due: string) => ({
  label: `Q${n} 2026`,
  startDate: start,
  endDate: end,
  opensOn: opens,
  dueDate: due,
});
export const QUARTERS = {
  q1: quarter(1, "2026-01-01", "2026-03-31", "2026-03-17", "2026-04-15"),
  q2: quarter(2, "2026-04-01", "2026-06-30", "2026-06-16", "2026-07-15"),
  q3: quarter(3, "2026-07-01", "2026-09-30", "2026-09-16", "2026-10-15"),
  q4: quarter(4, "2026-10-01", "2026-12-31", "2026-12-16", "2027-01-15"),
};
export type Quarter = keyof typeof QUARTERS;

type AgencyKey = "alpha" | "bravo" | "charlie" | "delta" | "echo";
const AGENCY_NAMES: Record<AgencyKey, string> = {
  alpha: "Alpha Ministry of Interior",
  bravo: "Bravo Ministry of Labour",
  charlie: "Charlie Ministry of Education",
  delta: "Delta Shelter NGO",
  echo: "Echo Prosecutor's Office",
};

interface ActivitySpec {
  code: string;
  /** Its objective: the code's first two parts. */
  objective: string;
  lead: AgencyKey | null;
  partners: AgencyKey[];
  span: [string | null, string | null];
  /** What the record says: only CANCELLED matters to the dashboard, which counts updates. */
  record: [ActivityStatus, number];
  archived?: boolean;
}
const act = (
  code: string,
  lead: AgencyKey | null,
  partners: AgencyKey[],
  span: [string | null, string | null],
  record: [ActivityStatus, number],
  archived = false,
): ActivitySpec => ({ code, objective: code.split(".").slice(0, 2).join("."), lead, partners, span, record, archived });

export const ACTIVITY_SPECS: ActivitySpec[] = [
  act("1.1.1", "alpha", ["delta"], ["2026-01-01", "2026-06-30"], ["COMPLETED", 100]),
  act("1.1.2", "alpha", ["bravo"], ["2026-01-01", "2026-12-31"], ["IN_PROGRESS", 30]),
  act("1.1.10", "bravo", [], ["2026-03-01", "2026-09-15"], ["IN_PROGRESS", 40]),
  act("1.2.1", "bravo", ["alpha", "delta"], ["2026-04-01", "2027-03-31"], ["DELAYED", 10]),
  // The record was edited to 60 % without a report: the dashboard still says not started.
  act("1.2.2", "charlie", [], ["2026-01-01", "2026-03-31"], ["IN_PROGRESS", 60]),
  // Cancelled by its Q3 update (the approval set the record).
  act("2.1.1", "charlie", ["delta"], ["2026-01-01", "2026-06-30"], ["CANCELLED", 20]),
  act("2.1.2", "alpha", [], [null, null], ["NOT_STARTED", 0]),
  // Cancelled on its record, never reported on.
  act("2.1.3", "bravo", [], ["2026-01-01", "2026-12-31"], ["CANCELLED", 0]),
  act("3.1.1", "charlie", ["bravo"], ["2026-07-01", "2026-12-31"], ["COMPLETED", 100]),
  act("3.1.2", null, [], ["2026-01-01", "2027-12-31"], ["IN_PROGRESS", 5]),
  // Never counted: an archived activity, and a live one under an archived objective.
  act("1.1.3", "alpha", ["delta"], ["2026-01-01", "2026-12-31"], ["COMPLETED", 100], true),
  act("1.9.1", "echo", ["delta"], ["2026-01-01", "2026-12-31"], ["COMPLETED", 100]),
];

// prettier-ignore
type UpdateSpec = [code: string, quarter: Quarter, status: UpdateStatus, state: ActivityStatus, percent: number, submittedAt: string | null];

// prettier-ignore
const UPDATES: UpdateSpec[] = [
  ["1.1.1", "q1", "APPROVED", "IN_PROGRESS", 50, "2026-04-10T09:00:00Z"],
  ["1.1.1", "q2", "APPROVED", "COMPLETED", 100, "2026-07-10T09:00:00Z"],
  ["1.1.2", "q1", "APPROVED", "IN_PROGRESS", 20, "2026-04-14T09:00:00Z"],
  ["1.1.2", "q2", "APPROVED", "IN_PROGRESS", 30, "2026-07-20T09:00:00Z"], // late
  ["1.1.2", "q3", "SUBMITTED", "IN_PROGRESS", 60, "2026-10-12T09:00:00Z"],
  ["1.1.10", "q2", "APPROVED", "IN_PROGRESS", 40, "2026-07-15T23:00:00Z"], // on the due day
  ["1.1.10", "q3", "RETURNED", "IN_PROGRESS", 70, "2026-10-14T09:00:00Z"],
  ["1.2.1", "q2", "APPROVED", "DELAYED", 10, "2026-07-14T09:00:00Z"],
  ["1.2.1", "q3", "SIGNED_OFF", "IN_PROGRESS", 35, "2026-10-10T09:00:00Z"],
  ["2.1.1", "q1", "APPROVED", "IN_PROGRESS", 10, "2026-04-20T09:00:00Z"], // late
  ["2.1.1", "q2", "APPROVED", "DELAYED", 20, "2026-07-05T09:00:00Z"],
  ["2.1.1", "q3", "APPROVED", "CANCELLED", 20, "2026-10-01T09:00:00Z"],
  ["2.1.2", "q3", "DRAFT", "IN_PROGRESS", 15, null],
  ["3.1.1", "q3", "APPROVED", "COMPLETED", 100, "2026-09-28T09:00:00Z"], // early
  ["3.1.2", "q1", "APPROVED", "IN_PROGRESS", 5, "2026-04-15T10:00:00Z"], // on the due day
  ["3.1.2", "q3", "SUBMITTED", "IN_PROGRESS", 50, "2026-10-16T09:00:00Z"], // a day late
  ["1.1.3", "q3", "APPROVED", "COMPLETED", 100, "2026-10-18T09:00:00Z"], // archived activity
  ["1.9.1", "q3", "APPROVED", "COMPLETED", 100, "2026-10-19T09:00:00Z"], // archived objective
];

/** Per quarter: the value, or [value, numerator, denominator]. */
type Values = Partial<Record<Quarter, number | [number, number, number]>>;

interface IndicatorSpec {
  key: string;
  /** An activity code, or "objective:<code>". */
  of: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  valueKind: "CUMULATIVE" | "PER_PERIOD";
  baseline: number | null;
  target: number | null;
  targetYear: number | null;
  position: number;
  archived: boolean;
  values: Values;
}
type Kind = Partial<Pick<IndicatorSpec, "unit" | "direction" | "valueKind" | "position" | "archived">>;
const ind = (
  key: string,
  of: string,
  [baseline, target, targetYear]: [number | null, number | null, number | null],
  values: Values = {},
  kind: Kind = {},
): IndicatorSpec => ({
  key,
  of,
  unit: "NUMBER",
  direction: "INCREASE",
  valueKind: "CUMULATIVE",
  position: 0,
  archived: false,
  ...kind,
  baseline,
  target,
  targetYear,
  values,
});
const DOWN = { direction: "DECREASE" } as const;
const PER_PERIOD = { valueKind: "PER_PERIOD" } as const;

// key, what it measures, [baseline, target, target year], values by quarter, what kind.
export const INDICATOR_SPECS: IndicatorSpec[] = [
  ind("trained", "1.1.1", [0, 200, 2026], { q1: 80, q2: 150 }),
  ind("unresolved", "1.1.1", [40, 20, 2027], { q1: 45, q2: 50 }, { ...DOWN, position: 1 }),
  ind("referred", "1.1.2", [null, 100, 2027], { q1: 10, q2: 15, q3: 30 }, PER_PERIOD),
  ind("inspections", "1.1.2", [0, 100, 2026], { q1: 5 }, { position: 1 }),
  ind("legalAid", "1.2.1", [20, 80, 2027], { q2: [25, 10, 40], q3: [75, 45, 60] }, { ...PER_PERIOD, unit: "PERCENT" }),
  ind("daysToIdentify", "1.1.10", [120, 60, 2026], { q2: 90, q3: 70 }, DOWN),
  ind("backlog", "1.1.10", [null, 10, 2026], { q2: 15 }, { ...DOWN, position: 1 }),
  ind("mechanism", "3.1.1", [0, 1, 2026], { q3: 1 }, { unit: "YES_NO" }),
  ind("calls", "3.1.2", [50, null, null], { q1: 70, q3: 80 }),
  ind("teachers", "1.2.2", [0, 50, null]),
  ind("lawAdopted", "objective:1.1", [10, 30, null]),
  ind("shelterBeds", "objective:2.1", [10, null, null]),
  // Never counted: archived, and of an archived activity.
  ind("archived", "1.1.1", [0, 10, 2026], { q2: 999 }, { position: 2, archived: true }),
  ind("ofArchived", "1.1.3", [0, 10, 2026], { q3: 1000 }),
];

/** A tenant with the dataset above, its people (and a focal point of Alpha), and every id by name. */
export async function dashboardWorld() {
  const people = await createTenantWithPeople();
  const { tenant } = people;
  const db = await getDb();
  const tenantId = tenant.id;
  const plan = await db.plan.create({
    data: {
      tenantId,
      title: { en: "National Action Plan 2026-2027" },
      startDate: day("2026-01-01")!,
      endDate: day("2027-12-31")!,
      status: "ACTIVE",
    },
    select: { id: true },
  });
  const agencyList = await Promise.all(
    (Object.keys(AGENCY_NAMES) as AgencyKey[]).map(
      async (k) => [k, await createAgency(tenant, { name: AGENCY_NAMES[k] })] as const,
    ),
  );
  const agencies = Object.fromEntries(agencyList) as Record<AgencyKey, { id: string; name: string }>;

  const sectionOf = async (code: string, pillar: Pillar | null, position: number) =>
    addSection(tenant, plan.id, { code, pillar, position, title: pillar ?? "Coordination" });
  const sections = {
    prevention: await sectionOf("1", "PREVENTION", 1),
    protection: await sectionOf("2", "PROTECTION", 2),
    none: await sectionOf("3", null, 3),
    partnership: await sectionOf("4", "PARTNERSHIP", 4),
  };
  const objectiveIn = (sectionId: string, code: string, position: number, archived = false) =>
    addObjective(tenant, { planId: plan.id, sectionId }, { code, position, archived, title: `Objective ${code}` });
  const objectives: Record<string, { id: string; code: string; version: number }> = {
    "1.1": await objectiveIn(sections.prevention.id, "1.1", 1),
    "1.2": await objectiveIn(sections.prevention.id, "1.2", 2),
    "1.9": await objectiveIn(sections.prevention.id, "1.9", 9, true),
    "2.1": await objectiveIn(sections.protection.id, "2.1", 1),
    "3.1": await objectiveIn(sections.none.id, "3.1", 1),
    "4.1": await objectiveIn(sections.partnership.id, "4.1", 1),
  };

  const periods = {} as Record<Quarter, { id: string }>;
  for (const [q, p] of Object.entries(QUARTERS) as [Quarter, (typeof QUARTERS)[Quarter]][])
    periods[q] = await db.reportingPeriod.create({
      data: {
        tenantId,
        planId: plan.id,
        label: { en: p.label },
        startDate: day(p.startDate)!,
        endDate: day(p.endDate)!,
        opensOn: day(p.opensOn)!,
        dueDate: day(p.dueDate)!,
        locksOn: new Date(day(p.dueDate)!.getTime() + 15 * 864e5),
      },
      select: { id: true },
    });

  const activities: Record<string, string> = {};
  for (const [i, a] of ACTIVITY_SPECS.entries()) {
    const row = await db.activity.create({
      data: {
        tenantId,
        planId: plan.id,
        objectiveId: objectives[a.objective].id,
        code: a.code,
        title: { en: `Activity ${a.code}` },
        leadAgencyId: a.lead ? agencies[a.lead].id : null,
        plannedStart: day(a.span[0]),
        plannedEnd: day(a.span[1]),
        status: a.record[0],
        percentComplete: a.record[1],
        position: i + 1,
        archivedAt: a.archived ? new Date() : null,
      },
      select: { id: true },
    });
    activities[a.code] = row.id;
    if (a.partners.length)
      await db.activityPartner.createMany({
        data: a.partners.map((p) => ({ tenantId, activityId: row.id, agencyId: agencies[p].id })),
      });
  }

  const updates: Record<string, { id: string; version: number }> = {};
  for (const [code, q, status, state, percent, at] of UPDATES)
    updates[`${code} ${q}`] = await db.progressUpdate.create({
      data: {
        tenantId,
        activityId: activities[code],
        periodId: periods[q].id,
        status,
        activityStatus: state,
        percentComplete: percent,
        authorId: people.focal.id,
        submittedById: at ? people.focal.id : null,
        submittedAt: at ? new Date(at) : null,
        reviewerId: status === "APPROVED" ? people.coordinator.id : null,
        reviewedAt: status === "APPROVED" ? new Date(at!) : null,
      },
      select: { id: true, version: true },
    });

  const indicators: Record<string, string> = {};
  for (const i of INDICATOR_SPECS) {
    const objective = i.of.startsWith("objective:") ? objectives[i.of.slice("objective:".length)].id : null;
    const row = await db.indicator.create({
      data: {
        tenantId,
        activityId: objective ? null : activities[i.of],
        objectiveId: objective,
        name: { en: `Indicator ${i.key}` },
        unit: i.unit,
        direction: i.direction,
        valueKind: i.valueKind,
        baseline: i.baseline,
        target: i.target,
        targetYear: i.targetYear,
        position: i.position,
        archivedAt: i.archived ? new Date() : null,
      },
      select: { id: true },
    });
    indicators[i.key] = row.id;
    for (const [q, v] of Object.entries(i.values) as [Quarter, number | [number, number, number]][]) {
      const [value, numerator, denominator] = Array.isArray(v) ? v : [v, null, null];
      await db.indicatorValue.create({
        data: {
          tenantId,
          progressUpdateId: updates[`${i.of} ${q}`].id,
          indicatorId: row.id,
          value,
          numerator,
          denominator,
        },
      });
    }
  }

  const alphaFocal = await createUser({ tenant, role: "FOCAL_POINT", agencyId: agencies.alpha.id });
  const [admin, coordinator, focal, viewer, alpha] = await Promise.all([
    ctxFor(people.admin, tenant),
    ctxFor(people.coordinator, tenant),
    ctxFor(people.focal, tenant),
    ctxFor(people.viewer, tenant),
    ctxFor(alphaFocal, tenant),
  ]);
  return {
    tenant,
    people,
    ctx: { admin, coordinator, focal, viewer, alphaFocal: alpha },
    plan,
    agencies,
    sections,
    objectives,
    periods,
    activities,
    updates,
    indicators,
  };
}
export type DashboardWorld = Awaited<ReturnType<typeof dashboardWorld>>;

/**
 * Another tenant with a plan of its own: one activity led by its agency, completed in its Q3
 * 2026 (the same dates as the world's), with one indicator at its target.
 */
export async function otherDashboardTenant() {
  const people = await createTenantWithPeople();
  const { tenant } = people;
  const db = await getDb();
  const tenantId = tenant.id;
  const plan = await db.plan.create({
    data: {
      tenantId,
      title: { en: "Other plan" },
      startDate: day("2026-01-01")!,
      endDate: day("2026-12-31")!,
      status: "ACTIVE",
    },
    select: { id: true },
  });
  const section = await addSection(tenant, plan.id, { code: "1", pillar: "PREVENTION", position: 1 });
  const objective = await addObjective(
    tenant,
    { planId: plan.id, sectionId: section.id },
    { code: "1.1", position: 1 },
  );
  const q = QUARTERS.q3;
  const period = await db.reportingPeriod.create({
    data: {
      tenantId,
      planId: plan.id,
      label: { en: "B Q3" },
      startDate: day(q.startDate)!,
      endDate: day(q.endDate)!,
      opensOn: day(q.opensOn)!,
      dueDate: day(q.dueDate)!,
      locksOn: day("2026-10-30")!,
    },
    select: { id: true },
  });
  const activity = await db.activity.create({
    data: {
      tenantId,
      planId: plan.id,
      objectiveId: objective.id,
      code: "1.1.1",
      title: { en: "B's activity" },
      leadAgencyId: people.agency.id,
      plannedStart: day("2026-01-01"),
      plannedEnd: day("2026-12-31"),
      status: "COMPLETED",
      percentComplete: 100,
      position: 1,
    },
    select: { id: true },
  });
  const update = await db.progressUpdate.create({
    data: {
      tenantId,
      activityId: activity.id,
      periodId: period.id,
      status: "APPROVED",
      activityStatus: "COMPLETED",
      percentComplete: 100,
      submittedAt: new Date("2026-10-01T09:00:00Z"),
      submittedById: people.focal.id,
    },
    select: { id: true },
  });
  const indicator = await db.indicator.create({
    data: {
      tenantId,
      activityId: activity.id,
      name: { en: "B's indicator" },
      baseline: 0,
      target: 10,
      targetYear: 2026,
    },
    select: { id: true },
  });
  await db.indicatorValue.create({
    data: { tenantId, progressUpdateId: update.id, indicatorId: indicator.id, value: 10 },
  });
  const [coordinator, viewer] = await Promise.all([ctxFor(people.coordinator, tenant), ctxFor(people.viewer, tenant)]);
  return { tenant, people, ctx: { coordinator, viewer }, plan, objective, period, activity, indicator };
}

/** The figures version of a tenant, as the triggers left it. */
export async function figuresVersionOf(tenant: TenantRef): Promise<number> {
  const db = await getDb();
  return (await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { figuresVersion: true } }))
    .figuresVersion;
}
