// Stored sessions: signing out ends the session on the server; so do "sign out everywhere", a
// password change (the others), disabling a person, idleness and age.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { changePasswordAction, revokeSessionAction } from "@/lib/actions/auth";
import { setUserDisabledAction } from "@/lib/actions/platform-users";
import { setUserDisabled } from "@/lib/data/platform-users";
import {
  listMySessions,
  revokeMySession,
  signOutEverywhere,
  unsafeEndSession,
  unsafeFindSessionUser,
  unsafeStartSession,
} from "@/lib/data/sessions";
import { changeOwnPassword, unsafeVerifyCredentials } from "@/lib/data/users";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import { sessionPolicy } from "@/lib/domain/session-policy";
import { TEST_PASSWORD, createUser } from "../factories";
import { form, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

const client = { ip: "198.51.100.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140" };
const NEW_PASSWORD = "a quiet river at dawn";

async function sessionsOf(userId: string) {
  return (await getDb()).userSession.findMany({
    where: { userId },
    select: { id: true, revokedAt: true, revokedReason: true },
    orderBy: { createdAt: "asc" },
  });
}

describe("sessions", () => {
  it("a new session names the person until it is ended by signing out; the old cookie then opens nothing", async () => {
    const user = await createUser();
    const sid = await unsafeStartSession(user.id, client);
    expect(await unsafeFindSessionUser(sid, user.id)).toEqual(user);
    expect(await unsafeFindSessionUser(sid, "someone-else")).toBeNull();
    await unsafeEndSession(sid, "signOut", client);
    expect(await unsafeFindSessionUser(sid, user.id)).toBeNull();
    expect(await sessionsOf(user.id)).toEqual([expect.objectContaining({ id: sid, revokedReason: "signOut" })]);
    const actions = (
      await (
        await getDb()
      ).auditEvent.findMany({ where: { entityId: user.id }, select: { action: true }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual(["auth.signedIn", "auth.signedOut"]);
  });

  it("ends after the idle time without a request, and at its end however active", async () => {
    const user = await createUser();
    const policy = sessionPolicy();
    const start = new Date();
    const sid = await unsafeStartSession(user.id, client, start);
    expect(await unsafeFindSessionUser(sid, user.id, new Date(start.getTime() + policy.idleMs - 1000))).toEqual(user);
    // That request counted as activity: the idle time starts again from it.
    const seen = new Date(start.getTime() + policy.idleMs - 1000);
    expect(await unsafeFindSessionUser(sid, user.id, new Date(seen.getTime() + policy.idleMs - 1000))).toEqual(user);
    expect(await unsafeFindSessionUser(sid, user.id, new Date(seen.getTime() + 3 * policy.idleMs))).toBeNull();
    const young = await unsafeStartSession(user.id, client, start);
    expect(await unsafeFindSessionUser(young, user.id, new Date(start.getTime() + policy.maxMs))).toBeNull();
  });

  it("'sign out on all devices' ends every session of that person and nobody else's", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    const [s1, s2, s3] = await Promise.all([
      unsafeStartSession(user.id, client),
      unsafeStartSession(user.id, client),
      unsafeStartSession(other.id, client),
    ]);
    await signOutEverywhere(user, client);
    expect(await unsafeFindSessionUser(s1, user.id)).toBeNull();
    expect(await unsafeFindSessionUser(s2, user.id)).toBeNull();
    expect(await unsafeFindSessionUser(s3, other.id)).toEqual(other);
  });

  it("lists one's own live sessions, and ends one of them, never another person's", async () => {
    const [user, other] = await Promise.all([createUser(), createUser()]);
    const [mine, phone, theirs] = await Promise.all([
      unsafeStartSession(user.id, client),
      unsafeStartSession(user.id, client),
      unsafeStartSession(other.id, client),
    ]);
    const listed = await listMySessions(user, mine);
    expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [mine, true],
        [phone, false],
      ].sort(),
    );
    await expect(revokeMySession(user, theirs)).rejects.toBeInstanceOf(NotFoundError);
    expect(await unsafeFindSessionUser(theirs, other.id)).toEqual(other);
    signInAs(user);
    expect(await revokeSessionAction(null, form({ sessionId: phone }))).toMatchObject({ ok: true });
    expect(await unsafeFindSessionUser(phone, user.id)).toBeNull();
    expect(await unsafeFindSessionUser(mine, user.id)).toEqual(user);
  });
});

describe("changing one's password", () => {
  it("asks for the current password, then ends the other sessions and keeps this one", async () => {
    const user = await createUser();
    const [here, elsewhere] = await Promise.all([
      unsafeStartSession(user.id, client),
      unsafeStartSession(user.id, client),
    ]);
    await expect(changeOwnPassword(user, here, "not-my-password", NEW_PASSWORD, client)).rejects.toMatchObject({
      fieldErrors: { currentPassword: { key: "validation.wrongPassword" } },
    });
    expect(await unsafeFindSessionUser(elsewhere, user.id)).toEqual(user);

    await changeOwnPassword(user, here, TEST_PASSWORD, NEW_PASSWORD, client);
    expect(await unsafeFindSessionUser(here, user.id)).toEqual(user);
    expect(await unsafeFindSessionUser(elsewhere, user.id)).toBeNull();
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, new Date(), client)).toMatchObject({ ok: false });
    expect(await unsafeVerifyCredentials(user.email, NEW_PASSWORD, new Date(), client)).toMatchObject({ ok: true });
  });

  it("through the form: every problem at once, next to its field, and nothing changes", async () => {
    const user = await createUser();
    signInAs(user);
    const result = await changePasswordAction(
      null,
      form({ currentPassword: "", newPassword: "password1234", confirmPassword: "password12345" }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        currentPassword: { key: "validation.required" },
        newPassword: { key: "validation.passwordCommon" },
        confirmPassword: { key: "validation.passwordsDiffer" },
      },
    });
    expect(JSON.stringify(result)).not.toContain("password1234");
    const short = await changePasswordAction(
      null,
      form({ currentPassword: TEST_PASSWORD, newPassword: "short one", confirmPassword: "short one" }),
    );
    expect(short).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: { key: "validation.passwordTooShort", values: { min: 12 } } },
    });
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, new Date(), client)).toMatchObject({ ok: true });
  });

  it("is throttled like signing in, so a stolen session cannot guess the password", async () => {
    const user = await createUser();
    for (let i = 0; i < 5; i++)
      await changeOwnPassword(user, null, `guess-${i}`, NEW_PASSWORD, client).catch(() => undefined);
    const refused = await changeOwnPassword(user, null, TEST_PASSWORD, NEW_PASSWORD, client).catch((e: RuleError) => e);
    expect(refused).toMatchObject({ fieldErrors: { currentPassword: { key: "auth.throttled" } } });
  });
});

describe("disabling a person", () => {
  it("ends their sessions at once and refuses their sign-in; only the platform administrator may, never on themselves", async () => {
    const [admin, user, bystander] = await Promise.all([
      createUser({ platformAdmin: true }),
      createUser(),
      createUser(),
    ]);
    const sid = await unsafeStartSession(user.id, client);
    await expect(setUserDisabled(bystander, user.id, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setUserDisabled(admin, admin.id, true)).rejects.toMatchObject({
      message: "platformUsers.notYourself",
    });
    await expect(setUserDisabled(admin, "no-such-user", true)).rejects.toBeInstanceOf(NotFoundError);

    signInAs(admin);
    expect(await setUserDisabledAction(null, form({ userId: user.id, disabled: "true" }))).toMatchObject({ ok: true });
    expect(await unsafeFindSessionUser(sid, user.id)).toBeNull();
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, new Date(), client)).toEqual({
      ok: false,
      reason: "disabled",
    });

    await setUserDisabled(admin, user.id, false);
    expect(await unsafeVerifyCredentials(user.email, TEST_PASSWORD, new Date(), client)).toMatchObject({ ok: true });
    // The old session stays ended: enabling is not a way back into it.
    expect(await unsafeFindSessionUser(sid, user.id)).toBeNull();
    const actions = await (
      await getDb()
    ).auditEvent.findMany({
      where: { entityId: user.id, action: { startsWith: "user." } },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "user.disabled", actorId: admin.id },
        { action: "user.enabled", actorId: admin.id },
      ]),
    );
  });

  it("a signed-in person who is not the platform administrator gets nothing done", async () => {
    const [user, target] = await Promise.all([createUser(), createUser()]);
    signInAs(user);
    expect(await setUserDisabledAction(null, form({ userId: target.id, disabled: "true" }))).toMatchObject({
      ok: false,
      message: { key: "errors.forbidden" },
    });
    expect((await (await getDb()).user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
  });
});
