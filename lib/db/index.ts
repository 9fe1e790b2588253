// The one Prisma client. With DATABASE_URL it talks to PostgreSQL; without it, to the embedded
// PGlite database in .data/pglite (PGLITE_DIR overrides; "memory://" for throw-away databases),
// whose pending migrations are applied on first use. Only lib/data/, prisma/, scripts/ and
// tests/ may import this module (eslint enforces it): the data layer is the only door.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaClient } from "@/generated/prisma/client";
import { applyMigrations } from "./migrations";
import { pgliteRunner } from "./runners";

export type Db = PrismaClient;

interface DbHandle {
  client: PrismaClient;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

const g = globalThis as unknown as { __napDb?: Promise<DbHandle> };

export function databaseKind(): "postgres" | "pglite" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

export function pgliteDir(): string {
  const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
  return dir;
}

async function open(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const client = new PrismaClient({ adapter });
    return { client, kind: "postgres", close: () => client.$disconnect() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = pgliteDir();
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const report = await applyMigrations(pgliteRunner(pglite));
  if (report.applied.length > 0 && process.env.NODE_ENV !== "test") {
    console.log(`embedded database: applied ${report.applied.length} migration(s)`);
  }
  const client = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    client,
    kind: "pglite",
    close: async () => {
      await client.$disconnect();
      await pglite.close();
    },
  };
}

/** The shared client, opened (and for PGlite migrated) on first use. */
export async function getDb(): Promise<PrismaClient> {
  g.__napDb ??= open().catch((error) => {
    g.__napDb = undefined;
    throw error;
  });
  return (await g.__napDb).client;
}

/** For scripts and tests: closes the client (and PGlite) so the process can exit. */
export async function closeDb(): Promise<void> {
  const handle = g.__napDb;
  g.__napDb = undefined;
  if (handle) await (await handle).close();
}
