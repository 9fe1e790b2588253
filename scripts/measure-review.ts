// Measures the coordinator's desk on 400 activities x 12 quarterly periods with updates in mixed
// states: the review queue (first page, filtered, a late page), the waiting count and the
// compliance matrix; time per call and SQL statements per call. Side by side, in the same run:
// the same functions on 40 activities x 12 periods (the counts must not grow with the size), and
// a naive compliance matrix that asks for each activity's update one by one.
//   npm run perf:review -- [activities=400] [runs=20]
// With DATABASE_URL (or TEST_DATABASE_URL): a scratch database on that server, dropped
// afterwards (nothing of yours is touched). Without: a fresh in-memory PGlite.
import { randomBytes } from "node:crypto";
import { closeDb, databaseKind, getDb } from "@/lib/db";
import type { TenantContext } from "@/lib/data/context";
import { complianceMatrix, countAwaitingReview, reviewQueue } from "@/lib/data/reporting/review";
import { toTenantRef } from "@/lib/data/tenants";
import type { UpdateStatus } from "@/lib/domain/enums";
import { countSqlQueries, createLargePlan, createQuarterlyPeriods, type LargePlan } from "@/tests/factories/browse";
import { createScratchDatabase } from "./lib/scratch-db";

const size = Number(process.argv[2] ?? 400);
const runs = Number(process.argv[3] ?? 20);
const PERIODS = 12;

/** Points DATABASE_URL at a new, migrated database on the same server; returns how to drop it. */
async function scratchPostgres(base: string): Promise<() => Promise<void>> {
  const scratch = await createScratchDatabase(base, { prefix: "nap_perf_review" });
  process.env.DATABASE_URL = scratch.url;
  return scratch.drop;
}

/** A state for activity i in period p: 10 % missing, 10 % draft, 30 % waiting, 10 % returned, 40 % approved. */
function stateOf(i: number, p: number): UpdateStatus | null {
  const k = (i * 7 + p * 3) % 10;
  return k === 0
    ? null
    : k === 1
      ? "DRAFT"
      : k <= 4
        ? k === 4
          ? "SIGNED_OFF"
          : "SUBMITTED"
        : k === 5
          ? "RETURNED"
          : "APPROVED";
}

/** A tenant with a coordinator, a focal point who submitted everything, a plan, 12 periods and their updates. */
async function world(activities: number) {
  const db = await getDb();
  const id = randomBytes(4).toString("hex");
  const tenant = await db.tenant
    .create({
      data: { slug: `perf-review-${id}`, name: { en: `Review ${id}` }, countryCode: "XX" },
      select: { id: true, slug: true, name: true, isDemo: true, defaultLocale: true, contentLanguages: true },
    })
    .then(toTenantRef);
  const [coordinator, focal] = await Promise.all(
    ["coordinator", "focal"].map((who) =>
      db.user.create({
        data: { email: `perf-${who}-${id}@example.test`, name: `Perf ${who}`, passwordHash: "-" },
        select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true },
      }),
    ),
  );
  await db.membership.create({ data: { tenantId: tenant.id, userId: coordinator.id, role: "COORDINATOR" } });
  const ctx: TenantContext = { user: coordinator, tenant, role: "COORDINATOR", agencyId: null };
  const started = Date.now();
  const plan: LargePlan = await createLargePlan(tenant, { activities, agencies: 12 });
  const periods = await createQuarterlyPeriods(tenant, plan.id, { count: PERIODS, first: { year: 2025, quarter: 1 } });
  const updates = plan.activityIds.flatMap((activityId, i) =>
    periods.flatMap((period, p) => {
      const status = stateOf(i, p);
      if (!status) return [];
      const submitted = status !== "DRAFT";
      // Two in three on time: a few days before the due date, else a few days after.
      const offset = (i + p) % 3 === 0 ? 4 : -3;
      return [
        {
          tenantId: tenant.id,
          activityId,
          periodId: period.id,
          status,
          activityStatus: "IN_PROGRESS" as const,
          percentComplete: (i * 11 + p) % 101,
          authorId: focal.id,
          submittedById: submitted ? focal.id : null,
          submittedAt: submitted ? new Date(period.dueDate.getTime() + offset * 864e5 + (i % 1440) * 6e4) : null,
        },
      ];
    }),
  );
  for (let i = 0; i < updates.length; i += 1000)
    await db.progressUpdate.createMany({ data: updates.slice(i, i + 1000) });
  console.log(
    `${databaseKind()}: tenant ${tenant.slug}, ${activities} activities x ${PERIODS} periods, ${updates.length} updates, made in ${Date.now() - started} ms`,
  );
  return { ctx, plan, periods, updates: updates.length };
}

/**
 * The naive matrix: the due activities of the plan, then each one's update asked for on its own,
 * counted in JavaScript. Straight on the client (no door): it is the baseline, not the app.
 */
async function naiveCompliance(
  tenantId: string,
  planId: string,
  period: { id: string; startDate: Date; endDate: Date },
) {
  const db = await getDb();
  const activities = await db.activity.findMany({
    where: {
      tenantId,
      planId,
      archivedAt: null,
      leadAgencyId: { not: null },
      status: { not: "CANCELLED" },
      OR: [{ plannedStart: null }, { plannedStart: { lte: period.endDate } }],
      AND: [{ OR: [{ plannedEnd: null }, { plannedEnd: { gte: period.startDate } }] }],
    },
    select: { id: true, leadAgencyId: true },
  });
  const byAgency = new Map<string, Record<string, number>>();
  for (const a of activities) {
    const u = await db.progressUpdate.findFirst({
      where: { tenantId, activityId: a.id, periodId: period.id },
      select: { status: true },
    });
    const row = byAgency.get(a.leadAgencyId!) ?? { due: 0, missing: 0 };
    row.due += 1;
    const key = u ? u.status : "missing";
    row[key] = (row[key] ?? 0) + 1;
    byAgency.set(a.leadAgencyId!, row);
  }
  return byAgency;
}

/** Median and 95th percentile of `runs` timed calls, after one counted call that also warms the caches. */
async function measure(label: string, fn: () => Promise<unknown>, times = runs) {
  const { queries } = await countSqlQueries(fn);
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  return { label, statements: queries, medianMs: at(0.5), p95Ms: at(0.95) };
}

async function main() {
  const base = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const dropScratch = base ? await scratchPostgres(base) : null;
  if (!dropScratch) process.env.PGLITE_DIR = "memory://";
  try {
    const big = await world(size);
    const small = await world(Math.max(1, Math.round(size / 10)));
    const results = [];
    for (const [name, w] of [
      [`${size}x${PERIODS}`, big],
      [`${Math.round(size / 10)}x${PERIODS}`, small],
    ] as const) {
      const period = w.periods[5]; // Q2 2026: every activity planned to mid-2026 or later is due
      results.push(
        await measure(`${name} reviewQueue: first page (waiting)`, () => reviewQueue(w.ctx, {})),
        await measure(`${name} reviewQueue: period + agency + pillar`, () =>
          reviewQueue(w.ctx, {
            periodId: period.id,
            agencyId: w.plan.agencyIds[0],
            pillar: "PREVENTION",
            state: "all",
          }),
        ),
        await measure(`${name} reviewQueue: last page (all states)`, () =>
          reviewQueue(w.ctx, { state: "all", page: Math.ceil(w.updates / 25) }),
        ),
        await measure(`${name} countAwaitingReview`, () => countAwaitingReview(w.ctx)),
        await measure(`${name} complianceMatrix (one period)`, () => complianceMatrix(w.ctx, { periodId: period.id })),
        await measure(
          `${name} naive matrix (a query per activity)`,
          () => naiveCompliance(w.ctx.tenant.id, w.plan.id, period),
          Math.max(3, Math.round(runs / 4)),
        ),
      );
    }
    console.table(results);
  } finally {
    await closeDb();
    await dropScratch?.();
  }
}

main()
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
