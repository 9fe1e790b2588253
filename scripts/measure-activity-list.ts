// Measures the browse pages' data functions on a plan of 1,000 activities: time per call and the
// number of SQL statements each sends (which must not depend on the plan's size).
//   npx tsx --conditions=react-server scripts/measure-activity-list.ts [activities=1000] [runs=20]
// With DATABASE_URL: a scratch database on that server, dropped afterwards (nothing of yours is
// touched). Without: a fresh in-memory PGlite. The react-server condition lets the data layer's
// `import "server-only"` load outside Next.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDb, databaseKind, getDb } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { pgRunner } from "@/lib/db/runners";
import type { TenantContext } from "@/lib/data/context";
import {
  getActivityDetail,
  getActivityFilterOptions,
  getAgencyOverview,
  listActivities,
} from "@/lib/data/activity-queries";
import { listHistory } from "@/lib/data/history";
import { toTenantRef } from "@/lib/data/tenants";
import { DEFAULT_FILTERS, DEFAULT_PAGE, DEFAULT_SORT } from "@/lib/validation/activity-filters";
import { addAuditEvent, addProgressUpdate, countSqlQueries, createLargePlan } from "@/tests/factories/browse";

const size = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 20);

/** Points DATABASE_URL at a new, migrated database on the same server; returns how to drop it. */
async function scratchPostgres(base: string): Promise<() => Promise<void>> {
  const name = `nap_perf_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyMigrations(pgRunner(client));
  await client.end();
  process.env.DATABASE_URL = url.toString();
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

async function setUp() {
  const db = await getDb();
  const id = randomBytes(4).toString("hex");
  const tenant = await db.tenant
    .create({
      data: { slug: `perf-${id}`, name: { en: `Performance ${id}` }, countryCode: "XX" },
      select: { id: true, slug: true, name: true, isDemo: true, defaultLocale: true, contentLanguages: true },
    })
    .then(toTenantRef);
  const user = await db.user.create({
    data: { email: `perf-${id}@example.test`, name: "Performance", passwordHash: "-" },
    select: { id: true, email: true, name: true, locale: true, isPlatformAdmin: true },
  });
  await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "VIEWER" } });
  const ctx: TenantContext = { user, tenant, role: "VIEWER", agencyId: null };
  const started = Date.now();
  const plan = await createLargePlan(tenant, { activities: size, agencies: 12 });
  const activity = plan.activityIds[7];
  const indicators = await db.indicator.findMany({
    where: { tenantId: tenant.id, activityId: activity },
    select: { id: true },
  });
  await addProgressUpdate(
    tenant,
    { id: activity, planId: plan.id },
    { periodEnd: "2025-12-31", status: "APPROVED", values: Object.fromEntries(indicators.map((i) => [i.id, 42])) },
  );
  for (let m = 0; m < 20; m++) {
    await addAuditEvent(tenant, {
      actorId: user.id,
      action: "activity.updated",
      entityType: "Activity",
      entityId: activity,
      at: new Date(Date.UTC(2026, 0, 1, 0, m)),
      before: { percentComplete: m, leadAgencyId: plan.agencyIds[0] },
      after: { percentComplete: m + 1, leadAgencyId: plan.agencyIds[1] },
      reason: "progress",
    });
  }
  console.log(
    `${databaseKind()}: tenant ${tenant.slug}, ${size} activities (${size * 2} partners, ${size * 2} indicators) made in ${Date.now() - started} ms`,
  );
  return { ctx, plan, activity };
}

/** Median and 95th percentile of `runs` timed calls, after one untimed call that warms the caches. */
async function measure(label: string, fn: () => Promise<unknown>) {
  const { queries } = await countSqlQueries(fn);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  return { label, statements: queries, medianMs: at(0.5), p95Ms: at(0.95) };
}

async function main() {
  const dropScratch = process.env.DATABASE_URL ? await scratchPostgres(process.env.DATABASE_URL) : null;
  if (!dropScratch) process.env.PGLITE_DIR = "memory://";
  try {
    const { ctx, plan, activity } = await setUp();
    const opts = { locale: "en" };
    const lastPage = Math.ceil(size / 25);
    const results = [
      await measure("listActivities: first page (25, by code)", () =>
        listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, DEFAULT_PAGE, opts),
      ),
      await measure("listActivities: first page (100, by code)", () =>
        listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page: 1, size: 100 }, opts),
      ),
      await measure("listActivities: search + agency + status", () =>
        listActivities(
          ctx,
          {
            ...DEFAULT_FILTERS,
            q: "border guards",
            agency: plan.agencyIds[0],
            status: ["IN_PROGRESS", "DELAYED", "NOT_STARTED"],
          },
          { by: "plannedEnd", dir: "desc" },
          DEFAULT_PAGE,
          opts,
        ),
      ),
      await measure("listActivities: overdue, by title", () =>
        listActivities(ctx, { ...DEFAULT_FILTERS, overdue: true }, { by: "title", dir: "asc" }, DEFAULT_PAGE, opts),
      ),
      await measure(`listActivities: late page (${lastPage} of 25)`, () =>
        listActivities(ctx, DEFAULT_FILTERS, DEFAULT_SORT, { page: lastPage, size: 25 }, opts),
      ),
      await measure("getActivityFilterOptions", () => getActivityFilterOptions(ctx, null)),
      await measure("getActivityDetail", () => getActivityDetail(ctx, activity)),
      await measure("listHistory (20 events)", () => listHistory(ctx, activity)),
      await measure(`getAgencyOverview (${Math.round((size * 3) / 12)} activities)`, () =>
        getAgencyOverview(ctx, plan.agencyIds[0]),
      ),
    ];
    console.table(results);
  } finally {
    await closeDb();
    await dropScratch?.();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
