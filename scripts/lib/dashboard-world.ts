// bench:dashboard's data: one tenant with its people and one plan of `activities` activities x
// `indicatorsPerActivity` indicators, reported on and approved for `periods` quarters up to the
// last full one, from the factories (createLargePlan and its kin), inserted with createMany.
import { getDb } from "@/lib/db";
import { createTenantWithPeople } from "@/tests/factories";
import { addApprovedHistory, createLargePlan, createQuarterlyPeriods } from "@/tests/factories/browse";

export interface DashboardDataset {
  activities: number;
  indicatorsPerActivity: number;
  periods: number;
  agencies: number;
}

/** The last full quarter before today, and the `count` before it: { year, quarter } of the first. */
function firstQuarter(count: number, today = new Date()): { year: number; quarter: number } {
  const index = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3) - count;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/**
 * The tenant, its people (password TEST_PASSWORD), the plan and its approved history, with the
 * client of DATABASE_URL (a superuser's: past row-level security), then analysed.
 */
export async function buildDashboardWorld(dataset: DashboardDataset) {
  const started = performance.now();
  const people = await createTenantWithPeople();
  const first = firstQuarter(dataset.periods);
  const plan = await createLargePlan(people.tenant, {
    activities: dataset.activities,
    agencies: dataset.agencies,
    indicators: dataset.indicatorsPerActivity,
    indicatorKinds: ["CUMULATIVE", "CUMULATIVE", "CUMULATIVE", "PER_PERIOD"],
    startYear: first.year,
  });
  const periods = await createQuarterlyPeriods(people.tenant, plan.id, { count: dataset.periods, first });
  const history = await addApprovedHistory(people.tenant, plan, periods, {
    authorId: people.focal.id,
    reviewerId: people.coordinator.id,
  });
  const db = await getDb();
  // As approval does: each activity's status and percent are its latest approved update's.
  await db.$executeRaw`UPDATE "Activity" a SET status = u."activityStatus", "percentComplete" = u."percentComplete"
    FROM "ProgressUpdate" u WHERE u."tenantId" = a."tenantId" AND u."activityId" = a.id
    AND u."periodId" = ${periods[periods.length - 1].id}`;
  await db.$executeRawUnsafe("ANALYZE");
  const seconds = (performance.now() - started) / 1000;
  return { ...people, plan, periods, history, seconds };
}
