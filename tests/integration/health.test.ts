// The health probe behind /api/health: not tenant data, only whether the database answers.
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind, getDb } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations";
import { checkDatabase } from "@/lib/data/health";

describe("checkDatabase", () => {
  // The probe's 3 s budget includes opening the database; opening PGlite and migrating it in a
  // test worker takes longer than that, so open it first, as a running server would have.
  beforeAll(async () => {
    await getDb();
  }, 120_000);

  it("answers ok with the kind of database and every migration applied", async () => {
    const health = await checkDatabase();
    expect(health).toMatchObject({ ok: true, kind: databaseKind(), migrations: readMigrations().length });
    expect(health.migrations).toBeGreaterThan(0);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });
});
