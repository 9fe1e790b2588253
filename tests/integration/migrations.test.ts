// The migrations are the schema's source of truth in every database; schema.prisma is what the
// client is generated from. This file fails as soon as the two disagree, and checks what Prisma's
// schema language cannot express (the AuditEvent trigger) on the test database itself.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/lib/db";
import { diffMigrationsAgainstSchema } from "@/scripts/lib/schema-engine";

describe("prisma/migrations", () => {
  // On TEST_DATABASE_URL's server the engine builds its shadow database there (and drops it);
  // without it, on a throw-away in-memory PGlite.
  it("produce exactly the schema in schema.prisma", async () => {
    const missing = await diffMigrationsAgainstSchema({ databaseUrl: process.env.TEST_DATABASE_URL });
    expect(missing, "schema.prisma has changes no migration covers: npm run db:migrate:dev -- --name <change>").toBe(
      "",
    );
  });
});

describe("AuditEvent", () => {
  let db: Db;
  let id: string;

  beforeAll(async () => {
    db = await getDb();
    // Platform-level event (no tenant, no actor): rows here can never be cleaned up, by design.
    const event = await db.auditEvent.create({
      data: {
        action: "test.append-only",
        entityType: "MigrationsTest",
        entityId: randomBytes(6).toString("hex"),
        after: { n: 1 },
      },
    });
    id = event.id;
  });

  it("refuses UPDATE", async () => {
    await expect(db.auditEvent.update({ where: { id }, data: { reason: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "id" = ${id}`).rejects.toThrow(
      /append-only/,
    );
  });

  it("refuses DELETE", async () => {
    await expect(db.auditEvent.delete({ where: { id } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { id } })).rejects.toThrow(/append-only/);
  });

  it("keeps the row as it was written", async () => {
    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ action: "test.append-only", reason: null, after: { n: 1 } });
  });
});
