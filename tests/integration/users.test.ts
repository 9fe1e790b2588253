// Sign-in checks under attack: the throttle counts atomically per email and per client, keeps the
// lock on an address short, and every outcome is in the audit log.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setUserLocale, unsafeVerifyCredentials } from "@/lib/data/users";
import { CLIENT_POLICY, EMAIL_POLICY, throttleKey } from "@/lib/domain/throttle";
import type { ClientInfo } from "@/lib/domain/security-events";
import { TEST_PASSWORD, createUser } from "../factories";

beforeAll(async () => {
  await getDb();
}, 120_000);

const t0 = new Date("2026-03-01T10:00:00Z");
const after = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
/** A client of its own for each test, so that tests never share an address's count. */
const newClient = (): ClientInfo => ({ ip: `10.${randomBytes(3).join(".")}`, userAgent: "vitest" });

async function failTimes(email: string, times: number, client: ClientInfo, at = t0) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await unsafeVerifyCredentials(email, "wrong-password", at, client));
  return results;
}

async function attempts(key: string) {
  return (await (await getDb()).signInThrottle.findUnique({ where: { key } }))?.attempts ?? 0;
}

async function events(action: string, entityId: string) {
  return (await getDb()).auditEvent.findMany({ where: { action, entityId }, select: { after: true, actorId: true } });
}

describe("unsafeVerifyCredentials", () => {
  it("accepts the right password, whatever the case and spaces of the email, and never returns the hash", async () => {
    const user = await createUser();
    const check = await unsafeVerifyCredentials(`  ${user.email.toUpperCase()} `, TEST_PASSWORD, t0, newClient());
    expect(check).toEqual({ ok: true, user });
    expect(check.ok && "passwordHash" in check.user).toBe(false);
  });

  it("answers the same 'invalid' for a wrong password and for an unknown email", async () => {
    const user = await createUser();
    const client = newClient();
    expect(await unsafeVerifyCredentials(user.email, "not-the-password", t0, client)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await unsafeVerifyCredentials("nobody-here@example.test", TEST_PASSWORD, t0, client)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`locks an email on its ${EMAIL_POLICY.free}th failure, even against the right password, and says how long`, async () => {
    const user = await createUser();
    const client = newClient();
    const results = await failTimes(user.email, EMAIL_POLICY.free, client);
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30, scope: "email" });
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, after(10), newClient())).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 20,
      scope: "email",
    });
    // Refused attempts are not counted, so they do not lengthen the lock.
    expect(await attempts(throttleKey.email(user.email))).toBe(EMAIL_POLICY.free);
    expect(await events("auth.lockedOut", user.id)).toHaveLength(1);
  });

  it("keeps the lock on an address short: at most 5 minutes, however often it is attacked", async () => {
    const user = await createUser();
    let at = t0;
    let last;
    for (let i = 0; i < 12; i++) {
      last = await unsafeVerifyCredentials(user.email, "wrong-password", at, newClient());
      if (!last.ok && last.reason === "throttled") at = new Date(at.getTime() + last.retryAfterSeconds * 1000);
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled", retryAfterSeconds: 300, scope: "email" });
    // Once the lock has passed, the owner signs in.
    expect(
      await unsafeVerifyCredentials(user.email, TEST_PASSWORD, new Date(at.getTime() + 1000), newClient()),
    ).toMatchObject({ ok: true });
  });

  it("counts 30 parallel wrong passwords, one by one", async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => unsafeVerifyCredentials(user.email, "wrong-password", t0, newClient())),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(EMAIL_POLICY.free - 1);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - (EMAIL_POLICY.free - 1));
    expect(await attempts(throttleKey.email(user.email))).toBe(EMAIL_POLICY.free);
    // Only the free attempts were compared at all; every other one was refused before bcrypt.
    expect(await events("auth.signInFailed", user.id)).toHaveLength(EMAIL_POLICY.free);
  });

  it("lets no parallel attempt past the lock: 11 wrong passwords and the right one 9th", async () => {
    const user = await createUser();
    // The finding's burst, in the order it must be counted: eight wrong passwords at once, then
    // the right one (the 9th) with three more. The 9th comes after the free attempts are used
    // up, so it is refused without being compared, even though the password is right.
    const counted = await Promise.all(
      Array.from({ length: 8 }, (_, i) => unsafeVerifyCredentials(user.email, `wrong-${i}`, t0, newClient())),
    );
    const rest = await Promise.all([
      unsafeVerifyCredentials(user.email, TEST_PASSWORD, t0, newClient()),
      ...Array.from({ length: 3 }, (_, i) => unsafeVerifyCredentials(user.email, `wrong-late-${i}`, t0, newClient())),
    ]);
    expect(rest[0]).toMatchObject({ ok: false, reason: "throttled", scope: "email" });
    expect([...counted, ...rest].filter((r) => r.ok)).toHaveLength(0);
    // Of all twelve only the free attempts were compared.
    expect((await events("auth.signInFailed", user.id)).length).toBe(EMAIL_POLICY.free);
    expect(await attempts(throttleKey.email(user.email))).toBe(EMAIL_POLICY.free);
  });

  it("throttles an email that has no account in the same way, and creates nothing", async () => {
    const email = `ghost-${randomUUID()}@example.test`;
    const results = await failTimes(email, EMAIL_POLICY.free + 1, newClient());
    expect(results.at(-2)).toMatchObject({ ok: false, reason: "throttled", scope: "email" });
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 30, scope: "email" });
    expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
    expect(await events("auth.signInFailed", email)).toHaveLength(EMAIL_POLICY.free);
  });

  it("keeps the failures of one email away from another", async () => {
    const [victim, bystander] = await Promise.all([createUser(), createUser()]);
    await failTimes(victim.email, EMAIL_POLICY.free, newClient());
    expect(await unsafeVerifyCredentials(bystander.email, TEST_PASSWORD, t0, newClient())).toMatchObject({ ok: true });
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const user = await createUser();
    const client = newClient();
    await failTimes(user.email, EMAIL_POLICY.free, client);
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, after(31), client)).toMatchObject({ ok: true });
    expect(await attempts(throttleKey.email(user.email))).toBe(0);
    const again = await failTimes(user.email, EMAIL_POLICY.free - 1, client, after(32));
    expect(again.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
  });

  it("stops one client spraying a password across many addresses", async () => {
    const client = newClient();
    const sprayed = Array.from({ length: CLIENT_POLICY.free + 3 }, () => `spray-${randomUUID()}@example.test`);
    const results = [];
    for (const email of sprayed) results.push(await unsafeVerifyCredentials(email, "Summer2026!", t0, client));
    expect(results.slice(0, CLIENT_POLICY.free - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[CLIENT_POLICY.free - 1]).toEqual({
      ok: false,
      reason: "throttled",
      retryAfterSeconds: 60,
      scope: "client",
    });
    expect(
      results.slice(CLIENT_POLICY.free).every((r) => !r.ok && r.reason === "throttled" && r.scope === "client"),
    ).toBe(true);
    // The addresses themselves were each tried once: their owners are not locked out.
    const owner = await createUser();
    expect(await unsafeVerifyCredentials(owner.email, TEST_PASSWORD, after(1), newClient())).toMatchObject({
      ok: true,
    });
    expect(await events("auth.clientLockedOut", client.ip)).toHaveLength(1);
  });

  it("does not start a client afresh the moment its longest lock ends", async () => {
    const client = newClient();
    let at = t0;
    let last;
    // Spray until the client's lock is at its cap (15 minutes, as long as the window).
    for (let i = 0; i < 40; i++) {
      last = await unsafeVerifyCredentials(`spray-${randomUUID()}@example.test`, "Winter2026!", at, client);
      if (!last.ok && last.reason === "throttled") at = new Date(at.getTime() + last.retryAfterSeconds * 1000);
      if (!last.ok && last.reason === "throttled" && last.retryAfterSeconds === CLIENT_POLICY.maxLockMs / 1000) break;
    }
    expect(last).toMatchObject({ ok: false, reason: "throttled", scope: "client", retryAfterSeconds: 900 });
    // Right after that lock, the next failure locks again at the cap instead of granting 20 new tries.
    const next = await unsafeVerifyCredentials(
      `spray-${randomUUID()}@example.test`,
      "Winter2026!",
      new Date(at.getTime() + 1000),
      client,
    );
    expect(next).toMatchObject({ ok: false, reason: "throttled", scope: "client", retryAfterSeconds: 900 });
    // Only a whole quiet window after the lock ended starts afresh.
    const later = new Date(at.getTime() + 1000 + CLIENT_POLICY.maxLockMs + CLIENT_POLICY.windowMs + 1000);
    expect(await unsafeVerifyCredentials(`spray-${randomUUID()}@example.test`, "Winter2026!", later, client)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("does not hold successful sign-ins against a shared address (an office behind one NAT)", async () => {
    const office = newClient();
    const people = await Promise.all(Array.from({ length: CLIENT_POLICY.free + 5 }, () => createUser()));
    for (const person of people) {
      expect(await unsafeVerifyCredentials(person.email, TEST_PASSWORD, t0, office)).toMatchObject({ ok: true });
    }
    expect(await attempts(throttleKey.client(office.ip))).toBe(0);
  });

  it("refuses a disabled account even with the right password, and records it", async () => {
    const user = await createUser();
    await (await getDb()).user.update({ where: { id: user.id }, data: { disabledAt: t0 } });
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, t0, newClient())).toEqual({
      ok: false,
      reason: "disabled",
    });
    expect(await events("auth.signInRefused", user.id)).toHaveLength(1);
  });

  it("records failed attempts with the client's address, never the password", async () => {
    const user = await createUser();
    const client = newClient();
    await unsafeVerifyCredentials(user.email, "a-secret-guess", t0, client);
    const [event] = await events("auth.signInFailed", user.id);
    expect(event.after).toMatchObject({ ip: client.ip, userAgent: "vitest" });
    expect(JSON.stringify(event)).not.toContain("a-secret-guess");
  });
});

describe("setUserLocale", () => {
  it("stores the language on that person and nobody else, and records the change", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    await setUserLocale(user, "ru");
    const db = await getDb();
    const rows = await db.user.findMany({
      where: { id: { in: [user.id, other.id] } },
      select: { id: true, locale: true },
    });
    expect(rows.find((r) => r.id === user.id)?.locale).toBe("ru");
    expect(rows.find((r) => r.id === other.id)?.locale).toBeNull();
    expect(await events("user.localeChanged", user.id)).toEqual([
      expect.objectContaining({ actorId: user.id, after: expect.objectContaining({ from: null, to: "ru" }) }),
    ]);
    await setUserLocale(user, "ru");
    expect(await events("user.localeChanged", user.id)).toHaveLength(1);
  });
});
