// People outside any tenant: sign-in checks (with throttling), sessions, language.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setUserLocale, signOutEverywhere, unsafeFindSessionUser, unsafeVerifyCredentials } from "@/lib/data/users";
import { FREE_FAILURES } from "@/lib/domain/throttle";
import { TEST_PASSWORD, createUser } from "../factories";

// Opening (and, on PGlite, migrating) the worker's database can take long on a busy machine:
// do it in a hook, not inside the first test's time budget.
beforeAll(async () => {
  await getDb();
}, 120_000);

const t0 = new Date("2026-03-01T10:00:00Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

async function failTimes(email: string, times: number, at = t0) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await unsafeVerifyCredentials(email, "wrong-password", at));
  return results;
}

async function throttleRow(email: string) {
  return (await getDb()).loginThrottle.findUnique({ where: { email } });
}

describe("unsafeVerifyCredentials", () => {
  it("accepts the right password, whatever the case and spaces of the email, and never returns the hash", async () => {
    const user = await createUser();
    const check = await unsafeVerifyCredentials(`  ${user.email.toUpperCase()} `, TEST_PASSWORD, t0);
    expect(check).toEqual({ ok: true, user: { ...user, sessionVersion: 0 } });
    expect(check.ok && "passwordHash" in check.user).toBe(false);
  });

  it("answers the same 'invalid' for a wrong password and for an unknown email", async () => {
    const user = await createUser();
    expect(await unsafeVerifyCredentials(user.email, "not-the-password", t0)).toEqual({ ok: false, reason: "invalid" });
    expect(await unsafeVerifyCredentials("nobody-here@example.test", TEST_PASSWORD, t0)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`throttles an existing email after ${FREE_FAILURES} failures, even with the right password`, async () => {
    const user = await createUser();
    const results = await failTimes(user.email, FREE_FAILURES);
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30 });

    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, after(10))).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 20 });
    expect((await throttleRow(user.email))?.failures).toBe(FREE_FAILURES);
  });

  it("throttles an email that has no account in the same way", async () => {
    const email = `ghost-${randomUUID()}@example.test`;
    const results = await failTimes(email, FREE_FAILURES + 1);
    expect(results.at(-2)).toMatchObject({ ok: false, reason: "throttled" });
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30 });
    // Throttled attempts are not even checked, so they do not lengthen the lock.
    expect((await throttleRow(email))?.failures).toBe(FREE_FAILURES);
    const db = await getDb();
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("keeps the failures of one email away from another", async () => {
    const [victim, bystander] = await Promise.all([createUser(), createUser()]);
    await failTimes(victim.email, FREE_FAILURES);
    expect(await unsafeVerifyCredentials(bystander.email, TEST_PASSWORD, t0)).toMatchObject({ ok: true });
  });

  it("forgets the failures after a successful sign-in", async () => {
    const user = await createUser();
    await failTimes(user.email, FREE_FAILURES);
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, after(31))).toMatchObject({ ok: true });
    expect(await throttleRow(user.email)).toBeNull();
    // A fresh start: the free attempts are there again.
    const again = await failTimes(user.email, FREE_FAILURES - 1, after(32));
    expect(again.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect((await throttleRow(user.email))?.failures).toBe(FREE_FAILURES - 1);
  });
});

describe("unsafeFindSessionUser", () => {
  it("returns the person for the current session version only", async () => {
    const user = await createUser();
    expect(await unsafeFindSessionUser(user.id, 0)).toEqual(user);
    expect(await unsafeFindSessionUser("no-such-user", 0)).toBeNull();
  });

  it("rejects sessions issued before 'sign out everywhere', and only that person's", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    await signOutEverywhere(user);
    expect(await unsafeFindSessionUser(user.id, 0)).toBeNull();
    expect(await unsafeFindSessionUser(user.id, 1)).toEqual(user);
    expect(await unsafeFindSessionUser(other.id, 0)).toEqual(other);
  });
});

describe("setUserLocale", () => {
  it("stores the language on that person and nobody else", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    await setUserLocale(user, "ru");
    const db = await getDb();
    const rows = await db.user.findMany({ where: { id: { in: [user.id, other.id] } }, select: { id: true, locale: true } });
    expect(rows.find((r) => r.id === user.id)?.locale).toBe("ru");
    expect(rows.find((r) => r.id === other.id)?.locale).toBeNull();
  });
});
