// The session source is the only stub (tests/helpers/auth-config.ts): signInAs() names a person
// whose cookie holds a REAL stored session, so what ends that session on the server signs them
// out here too, and the sign-in, sign-out, reset and invitation actions run through the real
// lib/auth/session.ts and data layer.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  acceptInvitationAction,
  changePasswordAction,
  resetPasswordAction,
  revokeSessionAction,
  signInAction,
  signOutAction,
  signOutEverywhereAction,
} from "@/lib/actions/auth";
import { getSessionId, getSessionUser } from "@/lib/auth/session";
import { createMemberPasswordReset } from "@/lib/data/password-resets";
import { setUserDisabled } from "@/lib/data/platform-users";
import { signOutEverywhere, unsafeFindSessionUser, unsafeStartSession } from "@/lib/data/sessions";
import { TEST_PASSWORD, createPendingInvitation, createTenantWithPeople, createUser, ctxFor } from "../factories";
import { settle } from "../helpers/pages";
import { forgetSessions, form, sessionIdOf, signInAs } from "../helpers/session";

beforeAll(async () => {
  await getDb();
}, 120_000);
afterEach(() => signInAs(null));

const client = { ip: "198.51.100.23", userAgent: "another device" };
const NEW_PASSWORD = "a quiet river at dawn";
const SIGNED_OUT = { ok: false, message: { key: "errors.signedOut" } };
const SIGNED_IN = { ok: false, message: { key: "errors.notFound" } };
/** An action for signed-in people only that changes nothing: ending a session nobody has. */
const touch = () => revokeSessionAction(null, form({ sessionId: "no-such-session" }));

describe("the stubbed session is a real stored one", () => {
  it("is the same session on every call, the one getSessionId() names", async () => {
    const user = await createUser();
    signInAs(user);
    const sid = await sessionIdOf(user);
    expect(await getSessionId()).toBe(sid);
    expect(await getSessionUser()).toEqual(user);
    expect(await unsafeFindSessionUser(sid, user.id)).toEqual(user);
    const sessions = await (await getDb()).userSession.count({ where: { userId: user.id } });
    expect(sessions).toBe(1);
  });

  it("signs the person out once it is ended elsewhere; a new sign-in is a new session", async () => {
    const user = await createUser();
    signInAs(user);
    expect(await touch()).toMatchObject(SIGNED_IN);
    await signOutEverywhere(user, client);
    expect(await getSessionUser()).toBeNull();
    expect(await touch()).toMatchObject(SIGNED_OUT);
    signInAs(user); // the same browser, the same ended cookie
    expect(await touch()).toMatchObject(SIGNED_OUT);
    forgetSessions(user);
    expect(await touch()).toMatchObject(SIGNED_IN);
  });

  it("signs out a person who is disabled", async () => {
    const [platform, user] = await Promise.all([createUser({ platformAdmin: true }), createUser()]);
    signInAs(user);
    expect(await touch()).toMatchObject(SIGNED_IN);
    await setUserDisabled(platform, user.id, true);
    expect(await touch()).toMatchObject(SIGNED_OUT);
  });

  it("signs out the person who ends this very session from the list of their devices", async () => {
    const user = await createUser();
    signInAs(user);
    expect(await revokeSessionAction(null, form({ sessionId: await sessionIdOf(user) }))).toMatchObject({ ok: true });
    expect(await touch()).toMatchObject(SIGNED_OUT);
  });
});

describe("signing out", () => {
  it("ends this session on the server and sends the person to sign in", async () => {
    const user = await createUser();
    signInAs(user);
    const sid = await sessionIdOf(user);
    const elsewhere = await unsafeStartSession(user.id, client);
    expect(await settle(signOutAction(null, form({})))).toEqual({ redirect: "/sign-in" });
    expect(await getSessionUser()).toBeNull();
    const rows = await (
      await getDb()
    ).userSession.findMany({ where: { userId: user.id }, select: { id: true, revokedReason: true } });
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: sid, revokedReason: "signOut" },
        { id: elsewhere, revokedReason: null },
      ]),
    );
  });

  it("everywhere: ends every session of the person", async () => {
    const user = await createUser();
    signInAs(user);
    const sid = await sessionIdOf(user);
    const elsewhere = await unsafeStartSession(user.id, client);
    expect(await settle(signOutEverywhereAction(null, form({})))).toEqual({ redirect: "/sign-in" });
    expect(await unsafeFindSessionUser(sid, user.id)).toBeNull();
    expect(await unsafeFindSessionUser(elsewhere, user.id)).toBeNull();
  });
});

describe("changing one's password through the form", () => {
  it("keeps this session signed in and ends the others", async () => {
    const user = await createUser();
    signInAs(user);
    const here = await sessionIdOf(user);
    const elsewhere = await unsafeStartSession(user.id, client);
    const fields = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    expect(await changePasswordAction(null, form(fields))).toMatchObject({ ok: true });
    expect(await getSessionId()).toBe(here);
    expect(await touch()).toMatchObject(SIGNED_IN);
    expect(await unsafeFindSessionUser(elsewhere, user.id)).toBeNull();
  });
});

describe("signing in", () => {
  it("refuses a wrong password and stays signed out", async () => {
    const user = await createUser();
    const result = await signInAction(null, form({ email: user.email, password: "not my password" }));
    expect(result).toMatchObject({ ok: false, message: { key: "auth.invalidCredentials" } });
    expect(await getSessionUser()).toBeNull();
  });

  it("starts a new stored session and goes to the page asked for, never to another site", async () => {
    const user = await createUser();
    const to = await settle(
      signInAction(
        null,
        form({ email: user.email.toUpperCase(), password: TEST_PASSWORD, callbackUrl: "/somewhere?tab=2" }),
      ),
    );
    expect(to).toEqual({ redirect: "/somewhere?tab=2" });
    expect(await getSessionUser()).toEqual(user);
    expect(await unsafeFindSessionUser((await getSessionId())!, user.id)).toEqual(user);
    signInAs(null);
    expect(
      await settle(
        signInAction(null, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "https://evil.example/x" })),
      ),
    ).toEqual({ redirect: "/" });
  });

  it("refuses a disabled person with its own message", async () => {
    const [platform, user] = await Promise.all([createUser({ platformAdmin: true }), createUser()]);
    await setUserDisabled(platform, user.id, true);
    expect(await signInAction(null, form({ email: user.email, password: TEST_PASSWORD }))).toMatchObject({
      ok: false,
      message: { key: "auth.disabled" },
    });
    expect(await getSessionUser()).toBeNull();
  });
});

describe("a reset link and an invitation end signed in", () => {
  it("a reset ends every old session and signs the person in with the new password", async () => {
    const a = await createTenantWithPeople();
    signInAs(a.viewer);
    const old = await sessionIdOf(a.viewer);
    signInAs(null);
    const { token } = await createMemberPasswordReset(
      await ctxFor(a.admin, a.tenant),
      (
        await (
          await getDb()
        ).membership.findUniqueOrThrow({ where: { tenantId_userId: { tenantId: a.tenant.id, userId: a.viewer.id } } })
      ).id,
    );
    expect(
      await settle(
        resetPasswordAction(null, form({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })),
      ),
    ).toEqual({ redirect: "/" });
    expect(await getSessionUser()).toEqual(a.viewer);
    expect(await getSessionId()).not.toBe(old);
    expect(await unsafeFindSessionUser(old, a.viewer.id)).toBeNull();
  });

  it("accepting an invitation without an account makes one and signs it in", async () => {
    const a = await createTenantWithPeople();
    const invitation = await createPendingInvitation(await ctxFor(a.admin, a.tenant));
    const done = await settle(
      acceptInvitationAction(
        null,
        form({ token: invitation.token, hasAccount: "no", name: "New Person", password: NEW_PASSWORD }),
      ),
    );
    expect(done).toEqual({ redirect: "/" });
    expect(await getSessionUser()).toMatchObject({ email: invitation.email, name: "New Person" });
  });
});
