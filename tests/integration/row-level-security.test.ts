// The second wall: row-level security in the database itself. Tables are enumerated from the
// catalog (every table with a "tenantId" column), so a new tenant table cannot be missed. Each
// query here runs as the app's role, exactly as lib/data/door.ts sets it up, on PGlite and on
// PostgreSQL alike.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { enterScope, type Tx } from "@/lib/data/door";
import { createMemberPasswordReset } from "@/lib/data/password-resets";
import { indicatorInput, makeActivity, reportOn, twoPlans, type Side } from "../factories/activities";
import { createPendingInvitation } from "../factories";

type World = { a: Side; b: Side };
let world: World;
let tables: string[];

/** Every kind of tenant row, for one side. */
async function fill(side: Side) {
  const { id } = await makeActivity(side.ctx.admin, side.plan, { partnerAgencyIds: [side.partner.id] }, [
    indicatorInput(),
  ]);
  await reportOn(side.tenant, side.plan.id, id);
  const db = await getDb();
  const [update, indicator] = await Promise.all([
    db.progressUpdate.findFirstOrThrow({ where: { activityId: id } }),
    db.indicator.findFirstOrThrow({ where: { activityId: id } }),
  ]);
  await db.indicatorValue.create({
    data: { tenantId: side.tenant.id, progressUpdateId: update.id, indicatorId: indicator.id, value: 5 },
  });
  // The reporting cycle's tables, one row each.
  const t = side.tenant.id;
  const contribution = await db.updateContribution.create({
    data: { tenantId: t, updateId: update.id, agencyId: side.partner.id, note: { en: "Trainers lent" } },
  });
  await db.evidence.create({
    data: {
      tenantId: t,
      updateId: update.id,
      contributionId: contribution.id,
      fileName: "minutes.pdf",
      contentType: "application/pdf",
      size: 4,
      sha256: "0".repeat(64),
      storageKey: `${t}/evidence/${randomBytes(8).toString("hex")}`,
    },
  });
  await db.reportingException.create({
    data: {
      tenantId: t,
      periodId: update.periodId,
      activityId: id,
      until: new Date("2025-05-31"),
      reason: "Late data",
    },
  });
  await db.notification.create({ data: { tenantId: t, userId: side.focal.id, kind: "update.returned" } });
  await db.outboxMessage.create({
    data: { tenantId: t, toEmail: "someone@example.org", subject: "Digest", body: "…", dedupeKey: `digest:${id}` },
  });
  await db.handover.create({
    data: {
      tenantId: t,
      agencyId: side.partner.id,
      fromUserId: side.focal.id,
      toUserId: side.coordinator.id,
      until: new Date("2025-06-30"),
    },
  });
  await createPendingInvitation(side.ctx.admin);
  const viewer = await db.membership.findFirstOrThrow({ where: { tenantId: side.tenant.id, userId: side.viewer.id } });
  await createMemberPasswordReset(side.ctx.admin, viewer.id);
}

/** Runs `work` as the app role with this scope, then rolls back whatever it did. */
async function asApp<T>(scope: { tenantId?: string }, work: (tx: Tx) => Promise<T>): Promise<T> {
  const db = await getDb();
  let result: T | undefined;
  await db
    .$transaction(async (tx) => {
      await enterScope(tx, { ...scope, actor: { kind: "system", id: null } });
      result = await work(tx);
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return result as T;
}
class Rollback extends Error {}

const count = (tx: Tx, table: string, where = "TRUE") =>
  tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${where}`).then((r) => r[0].n);

beforeAll(async () => {
  world = await twoPlans();
  await Promise.all([fill(world.a), fill(world.b)]);
  const db = await getDb();
  const rows = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'tenantId' ORDER BY table_name`;
  tables = rows.map((r) => r.table_name);
}, 120_000);

describe("row-level security", () => {
  it("is enabled and forced on every table that has a tenantId, and the app role is no superuser", async () => {
    expect(tables.length).toBeGreaterThanOrEqual(14);
    const db = await getDb();
    const flags = await db.$queryRaw<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[]>`
      SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY(${tables}) AND relkind = 'r'`;
    expect(flags.filter((f) => !f.relrowsecurity || !f.relforcerowsecurity).map((f) => f.relname)).toEqual([]);
    expect(flags).toHaveLength(tables.length);
    const [role] = await db.$queryRaw<
      { rolsuper: boolean; rolbypassrls: boolean }[]
    >`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'nap_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("with no tenant set, the app role sees no row of any tenant table", async () => {
    const db = await getDb();
    for (const table of tables) {
      // There are rows (the superuser running the tests sees them) …
      expect(await count(db as unknown as Tx, table), table).toBeGreaterThan(0);
      // … and the app role without a tenant sees none.
      expect(await asApp({}, (tx) => count(tx, table)), table).toBe(0);
    }
  });

  it("with tenant A set, it sees exactly A's rows and none of B's", async () => {
    const { a, b } = world;
    const db = await getDb();
    for (const table of tables) {
      const ofA = await count(db as unknown as Tx, table, `"tenantId" = '${a.tenant.id}'`);
      expect(ofA, table).toBeGreaterThan(0);
      const seen = await asApp({ tenantId: a.tenant.id }, async (tx) => ({
        all: await count(tx, table),
        ofA: await count(tx, table, `"tenantId" = '${a.tenant.id}'`),
        ofB: await count(tx, table, `"tenantId" = '${b.tenant.id}'`),
      }));
      // Security events (tenantId NULL) of A's members are visible to A by design; none of B's.
      const nullRows =
        table === "AuditEvent" || table === "PasswordReset"
          ? await asApp({ tenantId: a.tenant.id }, (tx) => count(tx, table, `"tenantId" IS NULL`))
          : 0;
      expect(seen, table).toEqual({ all: ofA + nullRows, ofA, ofB: 0 });
    }
  });

  it("with tenant A set, it can neither insert a row of B nor change one", async () => {
    const { a, b } = world;
    await expect(
      asApp(
        { tenantId: a.tenant.id },
        (tx) =>
          tx.$executeRaw`INSERT INTO "Agency" ("id", "tenantId", "name", "updatedAt") VALUES (${`rls-${randomBytes(4).toString("hex")}`}, ${b.tenant.id}, '{"en": "Planted"}'::jsonb, now())`,
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await asApp(
      { tenantId: a.tenant.id },
      (tx) =>
        tx.$executeRaw`UPDATE "Agency" SET "name" = '{"en": "Hijacked"}'::jsonb WHERE "tenantId" = ${b.tenant.id}`,
    );
    expect(changed).toBe(0);
    const moved = asApp(
      { tenantId: a.tenant.id },
      (tx) => tx.$executeRaw`UPDATE "Agency" SET "tenantId" = ${b.tenant.id} WHERE "tenantId" = ${a.tenant.id}`,
    );
    await expect(moved).rejects.toThrow(/row-level security/);
    const deleted = await asApp(
      { tenantId: a.tenant.id },
      (tx) => tx.$executeRaw`DELETE FROM "ActivityPartner" WHERE "tenantId" = ${b.tenant.id}`,
    );
    expect(deleted).toBe(0);
  });

  it("hides every password hash from the app role, and only that column of User", async () => {
    const db = await getDb();
    const columns = (
      await db.$queryRaw<{ column_name: string }[]>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'User'`
    ).map((c) => c.column_name);
    const readable = columns.filter((c) => c !== "passwordHash");
    await expect(asApp({}, (tx) => tx.$queryRawUnsafe(`SELECT "passwordHash" FROM "User" LIMIT 1`))).rejects.toThrow(
      /permission denied/,
    );
    // Every other column stays readable (a column added later needs its grant).
    const list = readable.map((c) => `"${c}"`).join(", ");
    await expect(asApp({}, (tx) => tx.$queryRawUnsafe(`SELECT ${list} FROM "User" LIMIT 1`))).resolves.toBeDefined();
    // The one function that may read it answers for one person at a time.
    const [someone] = await db.$queryRaw<
      { id: string; passwordHash: string }[]
    >`SELECT "id", "passwordHash" FROM "User" LIMIT 1`;
    const [viaFunction] = await asApp(
      {},
      (tx) => tx.$queryRaw<{ h: string }[]>`SELECT "nap_password_hash"(${someone.id}) AS h`,
    );
    expect(viaFunction.h).toBe(someone.passwordHash);
  });

  it("lets the two narrow functions look past the tenant's scope for their one answer, and no further", async () => {
    const { a, b } = world;
    const seen = await asApp({ tenantId: a.tenant.id }, async (tx) => {
      const [row] = await tx.$queryRaw<{ ids: string[] }[]>`SELECT "nap_membership_tenants"(${a.viewer.id}) AS ids`;
      await tx.$queryRaw`SELECT "nap_revoke_password_resets"(${b.viewer.id})`;
      const [scope] = await tx.$queryRaw<
        { platform: string }[]
      >`SELECT current_setting('app.platform', true) AS platform`;
      return {
        ids: row.ids,
        platform: scope.platform,
        ofB: await count(tx, "Membership", `"tenantId" = '${b.tenant.id}'`),
      };
    });
    expect(seen).toEqual({ ids: [a.tenant.id], platform: "off", ofB: 0 });
  });

  it("leaves the session as it was: after the transaction the connection is no longer the app role", async () => {
    const db = await getDb();
    await asApp({ tenantId: world.a.tenant.id }, (tx) => count(tx, "Agency"));
    const [row] = await db.$queryRaw<
      { role: string; tenant: string | null }[]
    >`SELECT current_user AS role, current_setting('app.tenant_id', true) AS tenant`;
    expect(row.role).not.toBe("nap_app");
    expect(row.tenant ?? "").toBe("");
  });
});
