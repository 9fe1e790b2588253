// Stands in for lib/auth/config.ts (next-auth) in the integration tests: the session source, and
// nothing else. auth() answers what next-auth would decode from the cookie, { userId, sid }, for
// the person set with signInAs(); the sid is a REAL stored session, started on first use and kept
// per person, so lib/auth/session.ts checks it for real and a revoked session stays revoked.
// getSessionUser, requireUser, requireTenant, the role table and the data layer all run for real.
import type { Session } from "next-auth";
import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { vi } from "vitest";
import { TEST_CLIENT, testState } from "./state";

/** The stored session this person's cookie holds: started once, then always the same one. */
export function storedSessionFor(userId: string): Promise<string> {
  let sid = testState.sessions.get(userId);
  if (!sid) {
    const started = import("@/lib/data/sessions").then((m) => m.unsafeStartSession(userId, TEST_CLIENT));
    // A failed start (a person who is not in the database) must not stick.
    started.catch(() => testState.sessions.get(userId) === started && testState.sessions.delete(userId));
    testState.sessions.set(userId, (sid = started));
  }
  return sid;
}

export async function auth(): Promise<Session | null> {
  const user = testState.user;
  if (!user) return null;
  const sid = await storedSessionFor(user.id);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    expires: new Date(Date.now() + 3_600_000).toISOString(),
    userId: user.id,
    sid,
  };
}

/** next-auth's refusal, with our reason in its code, as lib/auth/config.ts throws it. */
class RefusedSignIn extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

type SignInOptions = { email?: unknown; password?: unknown; redirectTo?: string; redirect?: boolean };

/**
 * Like next-auth's signIn("credentials", ...): the same checks as authorize() in
 * lib/auth/config.ts (the real credential check and a real new session), then the browser holds
 * the new session and the call ends in Next's redirect; a refusal throws CredentialsSignin with
 * the reason in its code. The calls are recorded (vi.fn) for tests that want to see them.
 */
export const signIn = vi.fn(async (provider: string, options: SignInOptions = {}): Promise<string | undefined> => {
  if (provider !== "credentials")
    throw new Error(`the test stand-in for signIn knows only "credentials", not ${provider}`);
  const [{ SignInSchema }, { unsafeVerifyCredentials }, { unsafeStartSession }] = await Promise.all([
    import("@/lib/validation/auth"),
    import("@/lib/data/users"),
    import("@/lib/data/sessions"),
  ]);
  const parsed = SignInSchema.safeParse(options);
  if (!parsed.success) throw new CredentialsSignin();
  const result = await unsafeVerifyCredentials(parsed.data.email, parsed.data.password, new Date(), TEST_CLIENT);
  if (!result.ok) {
    if (result.reason === "throttled") throw new RefusedSignIn(`throttled:${result.scope}:${result.retryAfterSeconds}`);
    if (result.reason === "disabled") throw new RefusedSignIn("disabled");
    throw new CredentialsSignin();
  }
  const sid = await unsafeStartSession(result.user.id, TEST_CLIENT);
  testState.sessions.set(result.user.id, Promise.resolve(sid));
  testState.user = result.user;
  const to = options.redirectTo ?? "/";
  if (options.redirect === false) return to;
  redirect(to);
});

/** Like next-auth's signOut(): the browser forgets its session cookie, then Next's redirect. */
export const signOut = vi.fn(
  async (options: { redirectTo?: string; redirect?: boolean } = {}): Promise<string | undefined> => {
    if (testState.user) testState.sessions.delete(testState.user.id);
    testState.user = null;
    const to = options.redirectTo ?? "/";
    if (options.redirect === false) return to;
    redirect(to);
  },
);

const unused = () => new Response("next-auth route handlers are not part of the integration tests", { status: 501 });
export const handlers = { GET: unused, POST: unused };
