// Factories for the activity form's tests: valid inputs to vary one field at a time, and a small
// world of two tenants with a plan each (objective "1.1", period 2025-01-01 to 2027-12-31).
import { getDb } from "@/lib/db";
import { createActivity, type ActivityInput } from "@/lib/data/activities";
import type { TenantContext, TenantRef } from "@/lib/data/context";
import type { IndicatorInput } from "@/lib/data/indicators";
import { createAgency, createPlan, createTenantWithPeople, ctxFor } from "./index";

let counter = 0;

/** A valid activity under objective 1.1 with a fresh code (1.1.100 to 1.1.899; tests name codes below 100 themselves). */
export function activityInput(objectiveId: string, overrides: Partial<ActivityInput> = {}): ActivityInput {
  counter += 1;
  return {
    objectiveId,
    code: `1.1.${100 + (counter % 800)}`,
    title: { en: `Train border guards ${counter}` },
    description: {},
    expectedResults: {},
    leadAgencyId: null,
    partnerAgencyIds: [],
    plannedStart: "2025-03-01",
    plannedEnd: "2025-06-30",
    budget: null,
    currency: null,
    fundingSource: {},
    status: "NOT_STARTED",
    percentComplete: 0,
    ...overrides,
  };
}

export function indicatorInput(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    name: { en: "Border guards trained" },
    unit: "NUMBER",
    unitLabel: { en: "officers" },
    baseline: "0",
    baselineYear: 2024,
    baselineSource: {},
    target: "200",
    targetYear: 2026,
    direction: "INCREASE",
    valueKind: "CUMULATIVE",
    disaggregation: [],
    ...overrides,
  };
}

export type Side = Awaited<ReturnType<typeof createSide>>;

/** One tenant with its people, contexts, three agencies and an empty plan. */
async function createSide() {
  const people = await createTenantWithPeople();
  const [partner, other] = await Promise.all([createAgency(people.tenant), createAgency(people.tenant)]);
  const plan = await createPlan(people.tenant, { activities: 0 });
  const [admin, coordinator, focal, viewer] = await Promise.all([
    ctxFor(people.admin, people.tenant),
    ctxFor(people.coordinator, people.tenant),
    ctxFor(people.focal, people.tenant),
    ctxFor(people.viewer, people.tenant),
  ]);
  return { ...people, partner, other, plan, ctx: { admin, coordinator, focal, viewer } };
}

/** Two tenants, each with a plan: every test checks that B's records stay out of A's reach. */
export async function twoPlans() {
  const [a, b] = await Promise.all([createSide(), createSide()]);
  return { a, b };
}

/** An activity made through the data layer by `ctx`, with the plan's objective. */
export async function makeActivity(
  ctx: TenantContext,
  plan: { id: string; objectiveId: string },
  overrides: Partial<ActivityInput> = {},
  indicators: IndicatorInput[] = [],
) {
  return createActivity(ctx, plan.id, { ...activityInput(plan.objectiveId, overrides), indicators });
}

export async function closePlan(planId: string): Promise<void> {
  await (await getDb()).plan.update({ where: { id: planId }, data: { status: "CLOSED" } });
}

/** A reporting period with one draft update of the activity: it now has history. */
export async function reportOn(tenant: TenantRef, planId: string, activityId: string): Promise<void> {
  const db = await getDb();
  const period = await db.reportingPeriod.create({
    data: {
      tenantId: tenant.id,
      planId,
      label: { en: `Q-${activityId}` },
      startDate: new Date("2025-01-01"),
      endDate: new Date("2025-03-31"),
      dueDate: new Date("2025-04-15"),
      opensOn: new Date("2025-03-31"),
      locksOn: new Date("2025-04-30"),
    },
    select: { id: true },
  });
  await db.progressUpdate.create({
    data: { tenantId: tenant.id, activityId, periodId: period.id, activityStatus: "IN_PROGRESS", percentComplete: 10 },
  });
}

/** The activity as stored, with partners and indicators, for before/after comparisons. */
export async function activityState(id: string) {
  const db = await getDb();
  return db.activity.findUnique({
    where: { id },
    include: { partners: { orderBy: { agencyId: "asc" } }, indicators: { orderBy: { position: "asc" } } },
  });
}
