// A page's SQL alone: its statements run straight with node-postgres, each in a transaction with
// the scope the app's one door sets (lib/data/door.ts enterScope: the role nap_app, which obeys
// row-level security, and this tenant and person), so the database does what it does for the page
// and nothing of Next, React or Prisma is counted.
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { percentilesOf, type Percentiles } from "./http-load";

export interface Statement {
  name: string;
  sql: Prisma.Sql;
}

/**
 * parallel: each statement in its own transaction on its own pooled connection, all at once (a
 * page that awaits its data functions together: Promise.all, or cards in their own Suspense).
 * sequential: one transaction on one connection, the statements one after another (one data
 * function that runs them in turn).
 */
export type SqlMode = "parallel" | "sequential";

export interface Scope {
  tenantId: string;
  userId: string;
}

/** lib/data/door.ts enterScope, for a signed-in person in a tenant (withTenant). */
const SCOPE_SQL = `SELECT
  set_config('role', 'nap_app', true),
  set_config('app.tenant_id', $1, true),
  set_config('app.user_id', $2, true),
  set_config('app.token_hash', '', true),
  set_config('app.platform', 'off', true),
  set_config('app.actor', $3, true)`;

async function inScope<T>(client: pg.PoolClient, scope: Scope, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query(SCOPE_SQL, [scope.tenantId, scope.userId, `user:${scope.userId}`]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface Timed {
  ms: number;
  rows: number;
}

async function run(client: pg.PoolClient, s: Statement): Promise<Timed> {
  const t0 = performance.now();
  const result = await client.query(s.sql.text, s.sql.values as unknown[]);
  return { ms: performance.now() - t0, rows: result.rowCount ?? result.rows.length };
}

/** One page load's statements; per statement, its own time (the transaction's included in parallel mode). */
async function pageLoad(pool: pg.Pool, statements: Statement[], scope: Scope, mode: SqlMode): Promise<Timed[]> {
  if (mode === "parallel") {
    return Promise.all(
      statements.map(async (s) => {
        const client = await pool.connect();
        try {
          const t0 = performance.now();
          const timed = await inScope(client, scope, () => run(client, s));
          return { ms: performance.now() - t0, rows: timed.rows };
        } finally {
          client.release();
        }
      }),
    );
  }
  const client = await pool.connect();
  try {
    return await inScope(client, scope, async () => {
      const out: Timed[] = [];
      for (const s of statements) out.push(await run(client, s));
      return out;
    });
  } finally {
    client.release();
  }
}

export interface SqlResult {
  mode: SqlMode;
  pool: number;
  runs: number;
  /** Wall time of one page load's statements, transactions included. */
  perLoad: Percentiles;
  perStatement: { name: string; rows: number; p50: number; p95: number }[];
}

/** `warmup` untimed page loads, then `runs` timed ones, one at a time (one person loading the page). */
export async function measureStatements(opts: {
  url: string;
  statements: Statement[];
  scope: Scope;
  mode: SqlMode;
  pool: number;
  runs: number;
  warmup: number;
}): Promise<SqlResult> {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.pool });
  // pool.end() resolves before its sockets are closed: dropping the scratch database (WITH
  // (FORCE)) right after may end one of them, which must not crash the script.
  pool.on("error", () => undefined);
  try {
    for (let i = 0; i < opts.warmup; i++) await pageLoad(pool, opts.statements, opts.scope, opts.mode);
    const loads: number[] = [];
    const each: Timed[][] = opts.statements.map(() => []);
    for (let i = 0; i < opts.runs; i++) {
      const t0 = performance.now();
      const timed = await pageLoad(pool, opts.statements, opts.scope, opts.mode);
      loads.push(performance.now() - t0);
      timed.forEach((t, k) => each[k].push(t));
    }
    return {
      mode: opts.mode,
      pool: opts.mode === "parallel" ? opts.pool : 1,
      runs: opts.runs,
      perLoad: percentilesOf(loads),
      perStatement: opts.statements.map((s, k) => {
        const p = percentilesOf(each[k].map((t) => t.ms));
        return { name: s.name, rows: each[k][0]?.rows ?? 0, p50: p.p50, p95: p.p95 };
      }),
    };
  } finally {
    await pool.end();
  }
}
