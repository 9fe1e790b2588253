// Load on the activity list, this checkout side by side with a baseline checkout, in one run:
// each is served by its own `npm start` (scripts/start.ts --fresh: build if needed, migrate, demo
// seed) on the same database kind, signed in as the demo coordinator, and hit by autocannon with
// 10 concurrent connections. The order is baseline, current, current, baseline, so a drift of
// the machine during the run shows instead of favouring one side.
//
//   npx tsx scripts/measure-list-load.ts --baseline /tmp/baseline [--seconds 10] [--connections 10]
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx scripts/measure-list-load.ts --baseline ...
// With DATABASE_URL, each run gets a scratch database on that server (dropped afterwards).
// Make the baseline with: git worktree add /tmp/baseline <commit> && ln -s $PWD/node_modules $PWD/generated /tmp/baseline/
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const baseline = arg("baseline", "");
const seconds = Number(arg("seconds", "10"));
const connections = Number(arg("connections", "10"));
const pgBase = process.env.DATABASE_URL;
const PATH = "/turkmenistan/activities";
const PORT = 3300;

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (!pgBase) return null;
  const name = `nap_load_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${url}`);
}

/** A session cookie for the demo coordinator, through next-auth's own credentials endpoint. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const body = new URLSearchParams({
    csrfToken,
    email: "coordinator@tm.example.org",
    password: "demo-pass-2018",
    callbackUrl: base,
  });
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" },
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

async function load(url: string, cookie: string, duration: number) {
  const result = await autocannon({ url, connections, duration, headers: { cookie } });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

async function measure(label: string, dir: string) {
  const db = await scratchDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SEED_DEMO: "true",
    PORT: String(PORT),
    HOSTNAME: "127.0.0.1",
    AUTH_SECRET: "load-test-only-secret-9c1e",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (db) env.DATABASE_URL = db.url;
  else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = path.join(dir, ".data", "load-pglite");
  }
  const child = spawn(
    process.execPath,
    [path.join(dir, "node_modules", ".bin", "tsx"), "scripts/start.ts", "--fresh"],
    { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`, child);
    const cookie = await signIn(base);
    await load(`${base}${PATH}`, cookie, 3); // warm-up: compiled routes, caches, planner
    return { label, ...(await load(`${base}${PATH}`, cookie, seconds)) };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await db?.drop();
    if (!db) rmSync(env.PGLITE_DIR!, { recursive: true, force: true });
  }
}

async function main() {
  const current = process.cwd();
  const plan = baseline
    ? [
        ["baseline", baseline],
        ["current", current],
        ["current", current],
        ["baseline", baseline],
      ]
    : [["current", current]];
  const rows: Awaited<ReturnType<typeof measure>>[] = [];
  for (const [label, dir] of plan) rows.push(await measure(label, dir));
  console.log(`${pgBase ? "postgres" : "pglite"}: GET ${PATH}, ${connections} connections, ${seconds} s each`);
  console.table(rows);
  if (baseline) {
    const avg = (l: string) => rows.filter((r) => r.label === l).reduce((s, r) => s + r.rps, 0) / 2;
    const change = (avg("current") / avg("baseline") - 1) * 100;
    console.log(
      `throughput: baseline ${avg("baseline").toFixed(1)} req/s, current ${avg("current").toFixed(1)} req/s (${change >= 0 ? "+" : ""}${change.toFixed(1)}%)`,
    );
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
