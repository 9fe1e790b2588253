// Prisma's schema engine as WebAssembly, driven through driver adapters: the native engine the
// Prisma CLI downloads is unreachable here (docs/stack-notes.md, "Prisma 7 without the native
// engine"). It writes the SQL `prisma migrate dev` writes, so either tool can take over the folder.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory as AdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrations";

export type { SchemaEngine };
export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
export const LOCKFILE_NAME = "migration_lock.toml";

// The engine reads pg_catalog, whose name, regclass, "char"... columns both adapters refuse ("could
// not be deserialized"): they are read as text, name[]/"char"[] as text[]. But pg_constraint.contype
// must reach the engine as a Character (on text it panics as soon as a CHECK constraint, or on PG 18
// a NOT NULL one, exists) and no adapter maps any OID to Character: so a "char" column travels as
// text with a tag on its name, and restoreChars() gives it the Character type back.
const CHAR_OID = 18;
const CHAR_TAG = "\u0000char";
const CATALOG_OIDS = new Map<number, number>([
  ...[18, 19, 22, 24, 28, 29, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3734, 4089, 4096].map(
    (o) => [o, 25] as const,
  ),
  ...[1002, 1003].map((o) => [o, 1009] as const),
]);

function remapField(field: { name: string; dataTypeID: number }): void {
  if (field.dataTypeID === CHAR_OID) field.name += CHAR_TAG;
  field.dataTypeID = CATALOG_OIDS.get(field.dataTypeID) ?? field.dataTypeID;
}

/**
 * An adapter as the engine needs it: char columns restored, scripts run by `executeScript`, and a
 * custom dispose. (The engine opens no transactions on these paths: startTransaction is left as is.)
 */
function forEngine(
  adapter: SqlDriverAdapter,
  executeScript: (script: string) => Promise<void>,
  dispose: () => Promise<void> = () => adapter.dispose(),
): SqlDriverAdapter {
  const queryRaw = async (query: SqlQuery) => {
    const result = await adapter.queryRaw(query);
    result.columnNames.forEach((name, i) => {
      if (!name.endsWith(CHAR_TAG)) return;
      result.columnNames[i] = name.slice(0, -CHAR_TAG.length);
      result.columnTypes[i] = ColumnTypeEnum.Character;
    });
    return result;
  };
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, { queryRaw, executeScript, dispose });
}

// pg binds this handler at connect time and picks each column's parser from the description, so
// rewriting it here gives the adapter the text column type and pg the matching parser.
class CatalogAsTextClient extends pg.Client {
  _handleRowDescription(msg: { fields: { name: string; dataTypeID: number }[] }): void {
    msg.fields.forEach(remapField);
    (pg.Client.prototype as unknown as { _handleRowDescription(m: unknown): void })._handleRowDescription.call(
      this,
      msg,
    );
  }
}

/** Explicit fields: next to a connectionString, pg ignores `database`. */
function pgConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname || undefined,
    port: u.port ? Number(u.port) : undefined,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    Client: CatalogAsTextClient,
    max: 2,
  };
}

/** The same server URL with another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** One statement (CREATE/DROP DATABASE...) run from the server's maintenance database. */
export async function adminQuery(url: string, sql: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  return (await client.query(sql, params).finally(() => client.end())).rows;
}

/**
 * Postgres. adapter-pg's own connectToShadowDb() connects to the main database and drops the shadow
 * while its own pool is still connected: here the shadow database is created first and dropped
 * WITH (FORCE) once its pool is closed. adapter-pg's executeScript() splits scripts on ";", which
 * cuts $$ function bodies: scripts go whole through the simple query protocol instead.
 */
export function pgMigrationFactory(url: string): AdapterFactory {
  const wrap = (adapter: SqlDriverAdapter, dispose?: () => Promise<void>) =>
    forEngine(adapter, async (sql) => void (await adapter.executeRaw({ sql, args: [], argTypes: [] })), dispose);
  const base = new PrismaPg(pgConfig(url));
  return {
    provider: "postgres",
    adapterName: base.adapterName,
    connect: async () => wrap(await base.connect()),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg(pgConfig(url, name)).connect();
      return wrap(shadow, async () => {
        await shadow.dispose();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

/**
 * Postgres errors as the engine understands them. pglite-prisma-adapter recognises PGlite errors by
 * `instanceof`, which fails when its CJS build meets a PGlite loaded as ESM (mixed under tsx): the
 * engine then reports "External error id#0" instead of, say, "relation does not exist".
 */
function toAdapterError(error: unknown): unknown {
  const e = error as Error & Partial<Record<"code" | "severity" | "detail" | "hint" | "column", string>>;
  if (typeof e?.code !== "string" || e.name === "DriverAdapterError") return error;
  const { code, severity = "ERROR", message, detail, column, hint } = e;
  return new DriverAdapterError({ kind: "postgres", code, severity, message, detail, column, hint });
}

/**
 * PGlite (parses name[]/"char"[] by itself; its fields get the same remapping). Its adapter fires
 * exec() without awaiting it, so a failing script went unnoticed: scripts are run here instead.
 */
async function pgliteAdapter(
  db: PGlite,
  dispose: () => Promise<void> = async () => undefined,
): Promise<SqlDriverAdapter> {
  const query = (async (...args: Parameters<PGlite["query"]>) => {
    const result = await db.query(...args).catch((error: unknown) => Promise.reject(toAdapterError(error)));
    result.fields.forEach(remapField);
    return result;
  }) as PGlite["query"];
  const client = new Proxy(db, {
    get: (target, prop) => {
      if (prop === "query") return query;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const adapter = await new PrismaPGlite(client).connect();
  const executeScript = async (script: string) => {
    await db.exec(script).catch((error: unknown) => Promise.reject(toAdapterError(error)));
  };
  return forEngine(adapter, executeScript, dispose);
}

/**
 * PGlite: the shadow database is a fresh in-memory PGlite, or `shadow` when given (the caller
 * closes it), wiped before each use: opening a PGlite costs seconds. Creating migrations needs
 * Postgres (the engine refuses a PGlite shadow there); diffs, drift checks and diagnostics work.
 */
export function pgliteMigrationFactory(db: PGlite, shadow?: PGlite): AdapterFactory {
  return {
    provider: "postgres",
    adapterName: "pglite-prisma-adapter",
    connect: () => pgliteAdapter(db),
    async connectToShadowDb() {
      if (!shadow) {
        const fresh = await PGlite.create();
        return pgliteAdapter(fresh, () => fresh.close());
      }
      await shadow.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      return pgliteAdapter(shadow);
    },
  };
}

let wasmReady: Promise<void> | undefined;

/** wasm-bindgen keeps the instance in module state: instantiate it once per process. */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** Engine log lines are JSON; shown only with DEBUG=schema-engine. */
const logLine = (line: string) =>
  process.env.DEBUG?.includes("schema-engine") && console.error(`[schema-engine] ${line}`);

/**
 * Opens an engine on the factory, runs fn, frees the engine, then disposes the adapters still open
 * (freeing the engine does not: an open pg pool would keep Node running).
 */
export async function withSchemaEngine<T>(
  factory: AdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const open = new Set<SqlDriverAdapter>();
  const track = (connect: () => Promise<SqlDriverAdapter>) => async () => {
    const adapter = await connect();
    open.add(adapter);
    const dispose = async () => void (open.delete(adapter) && (await adapter.dispose()));
    return Object.assign(Object.create(adapter) as SqlDriverAdapter, { dispose });
  };
  await loadWasm();
  const tracked = {
    ...factory,
    connect: track(() => factory.connect()),
    connectToShadowDb: track(() => factory.connectToShadowDb()),
  };
  const engine = await runtime.SchemaEngine.new(
    { datamodels: undefined },
    logLine,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    for (const adapter of [...open]) {
      open.delete(adapter);
      await adapter.dispose();
    }
  }
}

/** The migrations folder in the shape the engine takes (it needs migration_lock.toml). */
export async function migrationList(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockfile = await readFile(path.join(dir, LOCKFILE_NAME), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE_NAME, content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

export async function schemaFiles(schemaPath = SCHEMA_PATH) {
  return { files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] };
}

/** On an open engine: the SQL that would take a database built from the migrations to the schema. */
export async function diffToSchema(engine: SchemaEngine, options: { dir?: string; schemaPath?: string } = {}) {
  const result = await engine.diff({
    from: { tag: "migrations", ...(await migrationList(options.dir)) },
    to: { tag: "schemaDatamodel", ...(await schemaFiles(options.schemaPath)) },
    script: true,
    exitCode: true,
    filters: NO_FILTER,
  });
  // 2 means "not empty"; an empty diff still prints "-- This is an empty migration."
  return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
}

/**
 * The SQL that would take a database built from the migrations to schema.prisma ("" when they
 * agree). With a URL the shadow database is made on that server, without on a throw-away PGlite.
 */
export async function diffMigrationsAgainstSchema(
  options: { databaseUrl?: string; dir?: string; schemaPath?: string } = {},
): Promise<string> {
  // This diff reads only the shadow database, so one PGlite can serve as "main" and shadow.
  const scratch = options.databaseUrl ? undefined : await PGlite.create();
  const factory = scratch ? pgliteMigrationFactory(scratch, scratch) : pgMigrationFactory(options.databaseUrl!);
  try {
    return await withSchemaEngine(factory, (engine) => diffToSchema(engine, options));
  } finally {
    await scratch?.close();
  }
}
