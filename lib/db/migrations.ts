// Applies prisma/migrations without Prisma's native engine, as plain SQL, bookkeeping in Prisma's
// own `_prisma_migrations` table so that `prisma migrate deploy` elsewhere sees the same history.
// Used at start-up for the embedded database, by `npm run db:migrate` and by the test setup.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const ADVISORY_LOCK = 72707369;

/** The smallest surface both pg and PGlite offer. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<unknown>;
  /** Real Postgres: serialise concurrent migrators. PGlite is single-connection. */
  supportsAdvisoryLock: boolean;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

// The turbopackIgnore comments keep Next's file tracing from copying the whole project into the
// server bundle: the migrations are read from the working directory at run time.
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<MigrationReport> {
  if (db.supportsAdvisoryLock) await db.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK})`);
  try {
    await db.exec(CREATE_TABLE);
    const { rows } = await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (!row.finished_at) {
        throw new Error(`Migration ${row.migration_name} failed earlier; fix the database, then mark it rolled back.`);
      }
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          console.warn(`warning: migration ${m.name} was edited after it was applied (checksum differs)`);
        }
        continue;
      }
      const id = randomUUID();
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
        [id, m.checksum, m.name],
      );
      try {
        await db.exec(`BEGIN;\n${m.sql}\nCOMMIT;`);
      } catch (error) {
        await db.exec("ROLLBACK").catch(() => undefined);
        await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
        throw new Error(`Migration ${m.name} failed: ${String(error)}`);
      }
      await db.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    if (db.supportsAdvisoryLock) await db.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK})`);
  }
}
