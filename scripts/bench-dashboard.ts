// Issue 10's benchmark: is the tenant dashboard (/{tenant}) as quick as its SQL and a bare page
// allow? In one run, on a scratch PostgreSQL database of one plan of 400 activities x 4 indicators
// x 12 quarters of approved updates, served by the production build as the roles production uses:
//   (a) the dashboard's SQL alone: lib/data/dashboard/statements' dashboardStatements(), each
//       statement run with node-postgres in the door's scope (scripts/lib/sql-bench.ts);
//   (b) the bare page /{tenant}/access (session and membership only) and
//   (c) the dashboard page, both under autocannon at 1 and at 20 connections, signed in;
// then (c)'s first-load JavaScript in Chromium, and the goals: (c) p95 <= 1.5 x ((a) + (b)) at one
// user, (c) p95 < 150 ms at 20 users, first-load JavaScript < 250 kB gzipped.
//
//   npm run bench:dashboard -- [--duration 10] [--warmup 3] [--runs 50] [--sql parallel|sequential]
//     [--pool 10] [--port 3460] [--build] [--json figures.json] [--default-view] [--rate 1]
//     [--sql-only] [--check]
//
// DATABASE_URL: a superuser's URL of the server to use (default postgres@127.0.0.1:5432): the
// scratch database is made there and dropped afterwards. --build rebuilds even when .next has a
// build (else an existing one is served as it is: rebuild after changing the app); --default-view
// asks for /{tenant} with no query (else ?plan=&asOf= of the dataset, the arguments (a) gets);
// --rate R adds 20 connections each held to R requests/s (people who read between pages);
// --sql-only stops after (a); --check exits 2 when a goal is missed. docs/performance.md has the method.
import { writeFileSync } from "node:fs";
import os from "node:os";
import { closeDb } from "@/lib/db";
import { TEST_PASSWORD, ctxFor } from "@/tests/factories";
import { ensureBuild, freePort, signIn, startAppServer, type AppServer } from "./lib/app-server";
import { dashboardStatements } from "@/lib/data/dashboard";

const DASHBOARD_MODULE = "lib/data/dashboard (dashboardStatements)";
import { buildDashboardWorld, type DashboardDataset } from "./lib/dashboard-world";
import { measureFirstLoad } from "./lib/first-load";
import { loadPage, type LoadResult } from "./lib/http-load";
import { describeMachine } from "./lib/machine";
import { LOCAL_POSTGRES, createScratchDatabase, type ScratchDatabase } from "./lib/scratch-db";
import { measureStatements, type SqlMode, type Statement } from "./lib/sql-bench";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const DURATION = Number(arg("duration", "10"));
const WARMUP = Number(arg("warmup", "3"));
const RUNS = Number(arg("runs", "50"));
const SQL_MODE = arg("sql", "parallel") as SqlMode;
const POOL = Number(arg("pool", process.env.DATABASE_POOL_SIZE ?? "10"));
const PORT = Number(arg("port", "3460"));
const JSON_FILE = arg("json", "");
const RATE = Number(arg("rate", "0"));
// autocannon holds a connection to whole requests per second: 1 is its least.
if (RATE && !(Number.isInteger(RATE) && RATE >= 1))
  throw new Error("--rate is a whole number of requests/s, 1 or more");
const USERS = [1, 20];
const DATASET: DashboardDataset = { activities: 400, indicatorsPerActivity: 4, periods: 12, agencies: 12 };
const GOALS = { ratioAtOne: 1.5, p95AtTwentyMs: 150, firstLoadJsKb: 250 };
if (!["parallel", "sequential"].includes(SQL_MODE)) throw new Error("--sql is parallel or sequential");

const ms = (n: number) => Math.round(n * 10) / 10;
const kB = (bytes: number) => Math.round(bytes / 100) / 10;

function loadRow(label: string, r: LoadResult) {
  return {
    page: label,
    users: r.connections,
    "each at": r.rate ? `${r.rate}/s` : "full speed",
    "p50 ms": ms(r.p50),
    "p95 ms": ms(r.p95),
    "p99 ms": ms(r.p99),
    "req/s": ms(r.requestsPerSecond),
    requests: r.requests,
    "non-2xx": r.non2xx,
    errors: r.errors,
    "autocannon p50/p97.5/p99": `${r.autocannon.p50}/${r.autocannon.p97_5}/${r.autocannon.p99}`,
  };
}

async function main(): Promise<number> {
  const base = process.env.DATABASE_URL ?? LOCAL_POSTGRES;
  let scratch: ScratchDatabase | null = null;
  let server: AppServer | null = null;
  const cleanUp = async () => {
    await server?.stop().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await scratch?.drop().catch(() => undefined);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  try {
    scratch = await createScratchDatabase(base, { prefix: "nap_bench_dashboard", roles: true });
    const machine = await describeMachine(scratch.url);
    console.log(
      `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; ` +
        `PostgreSQL ${machine.postgres}; Next ${machine.next}; commit ${machine.commit}; load ${machine.loadAverage.join(" ")}`,
    );

    process.env.DATABASE_URL = scratch.url; // the superuser: the dataset is written past row-level security
    const world = await buildDashboardWorld(DATASET);
    await closeDb();
    const { activities, indicatorsPerActivity, periods } = DATASET;
    console.log(
      `dataset: ${activities} activities x ${indicatorsPerActivity} indicators, ${periods} quarters ` +
        `(${world.periods[0].label.en} to ${world.periods[periods - 1].label.en}), ${world.history.updates} approved ` +
        `updates, ${world.history.values} indicator values; made in ${world.seconds.toFixed(1)} s`,
    );

    // From here on, as the app: nap_web, a member of nap_app, under row-level security.
    process.env.DATABASE_URL = scratch.appUrl;
    const ctx = await ctxFor(world.coordinator, world.tenant);
    const args = flag("default-view") ? {} : { planId: world.plan.id, asOf: world.periods[periods - 1].id };
    const statements: Statement[] = await dashboardStatements(ctx, args, { fresh: true });
    console.log(`(a): ${statements.length} statements from ${DASHBOARD_MODULE}`);

    console.log(`\n(a) the dashboard's SQL: ${RUNS} page loads after 5 untimed, ${SQL_MODE}`);
    const sql = await measureStatements({
      url: scratch.appUrl,
      statements,
      scope: { tenantId: ctx.tenant.id, userId: ctx.user.id },
      mode: SQL_MODE,
      pool: POOL,
      runs: RUNS,
      warmup: 5,
    });
    console.log(
      SQL_MODE === "parallel"
        ? `    parallel: each statement its own door transaction on its own connection of a pool of ${POOL}, all at once`
        : "    sequential: one door transaction, the statements one after another",
    );
    console.table(sql.perStatement.map((s) => ({ ...s, p50: ms(s.p50), p95: ms(s.p95) })));
    console.log(
      `    one page load's SQL: p50 ${ms(sql.perLoad.p50)} ms, p95 ${ms(sql.perLoad.p95)} ms, p99 ${ms(sql.perLoad.p99)} ms`,
    );

    if (flag("sql-only")) return 0;

    const build = ensureBuild(flag("build"));
    console.log(
      `build ${build.buildId} of ${build.at.toISOString()}${build.built ? " (just built)" : " (existing: --build to rebuild)"}`,
    );
    const port = await freePort(PORT);
    server = await startAppServer({ port, databaseUrl: scratch.appUrl });
    const cookie = await signIn(server.base, world.coordinator.email, TEST_PASSWORD);
    const query = "planId" in args ? `?plan=${args.planId}&asOf=${args.asOf}` : "";
    const pages = {
      bare: `${server.base}/${world.tenant.slug}/access`,
      dashboard: `${server.base}/${world.tenant.slug}${query}`,
    };
    for (const url of Object.values(pages)) {
      const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200 || !html.includes(world.coordinator.name))
        throw new Error(`GET ${url} as the coordinator: HTTP ${res.status}, not the signed-in page`);
    }
    console.log(`serving ${server.base}, signed in as the coordinator ${world.coordinator.email}`);

    console.log(`\n(b) ${pages.bare} and (c) ${pages.dashboard}: ${DURATION} s each after ${WARMUP} s of warm-up`);
    // Both pages once under load before anything counts, so neither pays for the first requests
    // of a fresh server (code loaded on first use, JIT, the pools) in its own figures.
    for (const url of Object.values(pages))
      await loadPage({ url, cookie, connections: 20, seconds: WARMUP, warmup: 0 });
    const levels = [
      ...USERS.map((users) => ({ label: String(users), connections: users })),
      ...(RATE ? [{ label: `20 at ${RATE}/s each`, connections: 20, rate: RATE }] : []),
    ];
    const http: Record<"bare" | "dashboard", Record<string, LoadResult>> = { bare: {}, dashboard: {} };
    for (const level of levels)
      for (const page of ["bare", "dashboard"] as const)
        http[page][level.label] = await loadPage({
          url: pages[page],
          cookie,
          ...level,
          seconds: DURATION,
          warmup: WARMUP,
        });
    console.table(
      levels.flatMap((l) => [
        loadRow("(b) bare", http.bare[l.label]),
        loadRow("(c) dashboard", http.dashboard[l.label]),
      ]),
    );
    console.log(
      "    p50/p95/p99: every 2xx response's time as autocannon reports it, nearest rank (autocannon has no p95)",
    );

    const firstLoad = await measureFirstLoad(pages.dashboard, cookie);
    const bareLoad = await measureFirstLoad(pages.bare, cookie);
    for (const [label, f] of [
      ["(c) dashboard", firstLoad],
      ["(b) bare page", bareLoad],
    ] as const)
      console.log(
        `${label} first load: ${f.scripts.length} scripts, ${kB(f.scriptGzip)} kB gzipped (${kB(f.scriptBytes)} kB raw, ` +
          `${kB(f.scriptTransfer)} kB on the wire), document ${kB(f.documentGzip)} kB gzipped; ${f.requests} requests ` +
          `(${Object.entries(f.byType)
            .map(([k, v]) => `${v} ${k}`)
            .join(", ")})`,
      );

    const ratio = http.dashboard[1].p95 / (sql.perLoad.p95 + http.bare[1].p95);
    const goals = [
      {
        goal: `(c) p95 <= ${GOALS.ratioAtOne} x ((a) p95 + (b) p95) at 1 user`,
        value: `${ratio.toFixed(2)} x`,
        met: ratio <= GOALS.ratioAtOne,
      },
      {
        goal: `(c) p95 < ${GOALS.p95AtTwentyMs} ms at 20 users`,
        value: `${ms(http.dashboard[20].p95)} ms`,
        met: http.dashboard[20].p95 < GOALS.p95AtTwentyMs,
      },
      {
        goal: `first-load JavaScript < ${GOALS.firstLoadJsKb} kB gzipped`,
        value: `${kB(firstLoad.scriptGzip)} kB`,
        met: firstLoad.scriptGzip / 1000 < GOALS.firstLoadJsKb,
      },
    ];
    console.log("\ngoals:");
    console.table(goals.map((g) => ({ ...g, met: g.met ? "yes" : "NO" })));

    const failures = levels.flatMap(({ label: u }) =>
      (["bare", "dashboard"] as const)
        .filter((p) => http[p][u].non2xx + http[p][u].errors + http[p][u].timeouts > 0)
        .map(
          (p) =>
            `${p} at ${u}: ${http[p][u].non2xx} non-2xx, ${http[p][u].errors} errors, ${http[p][u].timeouts} timeouts`,
        ),
    );
    if (JSON_FILE) {
      const figures = {
        at: new Date().toISOString(),
        machine: { ...machine, loadAverageAtEnd: os.loadavg() },
        dataset: {
          ...DATASET,
          updates: world.history.updates,
          values: world.history.values,
          buildSeconds: world.seconds,
        },
        build,
        sql: { ...sql, source: DASHBOARD_MODULE, args },
        http: { duration: DURATION, warmup: WARMUP, pages, results: http },
        firstLoad: { dashboard: firstLoad, bare: bareLoad },
        goals,
        failures,
      };
      writeFileSync(JSON_FILE, JSON.stringify(figures, null, 2));
      console.log(`figures written to ${JSON_FILE}`);
    }
    if (failures.length) {
      console.error(`FAILED: answers that were not 2xx, or errors:\n  ${failures.join("\n  ")}`);
      return 1;
    }
    return flag("check") && goals.some((g) => !g.met) ? 2 : 0;
  } finally {
    await cleanUp();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
