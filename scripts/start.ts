// `npm start`: one command from a fresh clone to a running app.
// Makes an AUTH_SECRET once (kept in .data/, git-ignored), migrates the database (the embedded
// PGlite in .data/pglite unless DATABASE_URL is set), loads the demo data into an empty
// database, builds when there is no build of this commit, then serves it with scripts/server.mjs
// (Next's handler behind one step that works out the client's address; see that file).
// `npm run dev` does the same with `next dev` and no build.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { closeDb, databaseKind, getDb, pgliteDir } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { pgRunner } from "@/lib/db/runners";
import { DEMO_SIGN_INS, DEMO_PASSWORD, seedDemo } from "@/prisma/seed-data";

const root = process.cwd();
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const host = process.env.HOSTNAME ?? "localhost";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const serverScript = path.join(root, "scripts", "server.mjs");

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  console.log("generated AUTH_SECRET in .data/auth-secret");
  return secret;
}

async function prepareDatabase(): Promise<void> {
  // --fresh (used by the end-to-end tests) starts the embedded database from nothing.
  if (process.argv.includes("--fresh") && databaseKind() === "pglite" && !pgliteDir().startsWith("memory://")) {
    rmSync(pgliteDir(), { recursive: true, force: true });
  }
  const where =
    databaseKind() === "pglite"
      ? `embedded database in ${path.relative(root, pgliteDir())}`
      : "PostgreSQL at DATABASE_URL";
  console.log(`preparing the ${where}…`);
  if (databaseKind() === "postgres") {
    // getDb() migrates only the embedded database; PostgreSQL is migrated here, with one client.
    // Migrations run as the tables' owner (MIGRATION_DATABASE_URL) when the app's own role may not
    // change the schema (docs/security.md); otherwise with DATABASE_URL.
    const client = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL });
    await client.connect();
    try {
      const report = await applyMigrations(pgRunner(client));
      if (report.applied.length > 0) console.log(`PostgreSQL: applied ${report.applied.length} migration(s)`);
    } finally {
      await client.end();
    }
  }
  const db = await getDb(); // applies pending migrations of the embedded database
  // The demo data (with its published demo password) goes into the embedded database unless
  // SEED_DEMO=false; into PostgreSQL, which may be a real deployment, only with SEED_DEMO=true.
  const seed = databaseKind() === "pglite" ? process.env.SEED_DEMO !== "false" : process.env.SEED_DEMO === "true";
  if (seed) {
    const result = await seedDemo(db);
    console.log(result.summary);
  }
  // PGlite has no autovacuum, so it never gathers planner statistics by itself; without them the
  // list and dashboard queries pick poor plans (docs/performance.md).
  if (databaseKind() === "pglite") await db.$executeRawUnsafe("ANALYZE");
  // PGlite allows one process per data folder: hand it over to the server.
  await closeDb();
}

function buildStamp(): string {
  const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
  const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" });
  return `${head.stdout?.trim() || "unknown"}:${dirty.stdout?.length ? "dirty" : "clean"}`;
}

function buildIfNeeded(): void {
  const stampFile = path.join(root, ".next", "nap-build-stamp");
  const stamp = buildStamp();
  const fresh =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === stamp &&
    !stamp.endsWith("dirty");
  if (fresh && !process.argv.includes("--rebuild")) return;
  console.log("building the app (about a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, stamp);
}

async function announceWhenReady(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`\nNAP Tracker is running at ${url}`);
  console.log(`demo sign-ins (password: ${DEMO_PASSWORD}):`);
  for (const s of DEMO_SIGN_INS) console.log(`  ${s.email.padEnd(30)} ${s.description}`);
  console.log("stop with Ctrl+C\n");
}

async function main(): Promise<void> {
  const url = `http://${host}:${port}`;
  // Links the app sends out (invitations, password resets) are built from APP_URL, never from the
  // request's Host header; locally that is the address served here.
  const env = {
    ...process.env,
    AUTH_SECRET: authSecret(),
    APP_URL: process.env.APP_URL ?? url,
    PORT: port,
    HOSTNAME: host,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  process.env.AUTH_SECRET = env.AUTH_SECRET;
  await prepareDatabase();
  if (!dev) buildIfNeeded();
  const child = spawn(process.execPath, [serverScript, ...(dev ? ["--dev"] : [])], {
    cwd: root,
    stdio: "inherit",
    env: { ...env, NODE_ENV: dev ? "development" : "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  void announceWhenReady(url);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
