// With TEST_DATABASE_URL: a fresh database on that server for this run (dropped afterwards), so
// the tests never touch data of yours. Without it: every worker opens an in-memory PGlite.
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations";
import { pgRunner } from "@/lib/db/runners";

export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    console.log("integration tests: embedded PGlite (in memory); set TEST_DATABASE_URL to run them on PostgreSQL");
    project.provide("databaseUrl", "");
    return;
  }
  const name = `nap_test_${Date.now()}_${process.pid}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  const report = await applyMigrations(pgRunner(client));
  await client.end();
  console.log(`integration tests: PostgreSQL database ${name} (${report.applied.length} migrations)`);
  project.provide("databaseUrl", url.toString());
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
