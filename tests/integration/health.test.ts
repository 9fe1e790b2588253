// The health probe behind /api/health: not tenant data, only whether the database answers, and
// the details of that answer only for a platform administrator.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { databaseKind, getDb } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrations";
import { checkDatabase } from "@/lib/data/health";
import { createTenantWithPeople, createUser } from "../factories";
import { signInAs } from "../helpers/session";

// The probe's 3 s budget includes opening the database; opening PGlite and migrating it in a
// test worker takes longer than that, so open it first, as a running server would have.
beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

describe("checkDatabase", () => {
  it("answers ok with the kind of database and every migration applied", async () => {
    const health = await checkDatabase();
    expect(health).toMatchObject({ ok: true, kind: databaseKind(), migrations: readMigrations().length });
    expect(health.migrations).toBeGreaterThan(0);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  // PostgreSQL only: on the embedded database (one connection) the lock would hold the probe's
  // own transaction back, and its clock starts only once that transaction has begun.
  it.runIf(databaseKind() === "postgres")(
    "answers not ok within its time limit when the database does not answer",
    async () => {
      const db = await getDb();
      const health = await db.$transaction(async (tx) => {
        await tx.$executeRaw`LOCK TABLE "_prisma_migrations" IN ACCESS EXCLUSIVE MODE`;
        return checkDatabase(300);
      });
      expect(health).toMatchObject({ ok: false, kind: "postgres" });
      expect(health.latencyMs).toBeLessThan(3000);
      expect(await checkDatabase()).toMatchObject({ ok: true });
    },
  );
});

describe("GET /api/health", () => {
  async function get() {
    const response = await GET(new Request("http://localhost/api/health"), { params: Promise.resolve({}) });
    return { status: response.status, cache: response.headers.get("cache-control"), body: await response.json() };
  }

  it("tells an anonymous caller only that it is up", async () => {
    signInAs(null);
    expect(await get()).toEqual({ status: 200, cache: "no-store", body: { status: "ok" } });
  });

  it("tells a signed-in person who is not a platform administrator no more, even a tenant admin", async () => {
    const { admin, viewer } = await createTenantWithPeople();
    for (const user of [admin, viewer]) {
      signInAs(user);
      expect(await get()).toEqual({ status: 200, cache: "no-store", body: { status: "ok" } });
    }
  });

  it("gives a platform administrator the database kind, latency, migrations and time", async () => {
    signInAs(await createUser({ platformAdmin: true }));
    const { status, cache, body } = await get();
    expect({ status, cache }).toEqual({ status: 200, cache: "no-store" });
    expect(body).toMatchObject({
      status: "ok",
      database: { ok: true, kind: databaseKind(), migrations: readMigrations().length },
    });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(body.time)).not.toBeNaN();
  });
});
