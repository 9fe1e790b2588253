import "server-only";
// Signing in and one's own account. User and SignInThrottle belong to no tenant; the events are
// tenant-less security events. bcrypt (~60 ms) always runs BETWEEN doors, never inside one: a
// transaction held across it would make every sign-in wait for the one before it (PGlite has one
// connection).
import { DUMMY_HASH, hashPassword, verifyPassword } from "@/lib/auth/password";
import { RuleError } from "@/lib/domain/errors";
import { UNKNOWN_CLIENT, type ClientInfo } from "@/lib/domain/security-events";
import { CLIENT_POLICY, EMAIL_POLICY, throttleKey } from "@/lib/domain/throttle";
import type { SessionUser } from "./context";
import { unsafeWithoutTenant, withPerson, type Tx } from "./door";
import { recordSecurityEvent } from "./security-events";
import { revokePendingResets } from "./password-resets";
import { revokeSessions, sessionUserSelect } from "./sessions";
import { claimAttempt, clearAttempts, forgiveAttempt, type Claim } from "./sign-in-throttle";

const NOT_COUNTED: Claim = { allowed: true, attempts: 0, lockedSeconds: 0 };

/**
 * The stored hash, through the one database function that may read it: the app role cannot
 * select the column (prisma/migrations/*_password_hash_hidden).
 */
async function passwordHashOf(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ hash: string | null }[]>`SELECT "nap_password_hash"(${userId}) AS hash`;
  return row?.hash ?? null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type CredentialCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number; scope: "email" | "client" };

/**
 * Checks an email and password. Unsafe by nature (no session yet): it only ever answers
 * "this person" or "no". Every attempt is counted for the client's address and for the email
 * (existing or not) BEFORE the password is compared, atomically, so parallel attempts cannot
 * outrun the throttle; a locked key is refused without comparing anything. Three steps: the
 * count (committed before the comparison), bcrypt outside any transaction, the outcome.
 */
export async function unsafeVerifyCredentials(
  emailInput: string,
  password: string,
  now = new Date(),
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<CredentialCheck> {
  const email = normaliseEmail(emailInput);
  const emailKey = throttleKey.email(email);
  // Every request names its client (scripts/server.mjs, or Next's X-Forwarded-For); only calls
  // from outside a request (scripts, tests) have none, and are counted by email alone.
  const clientKey = client.ip === UNKNOWN_CLIENT.ip ? null : throttleKey.client(client.ip);
  const counted = await unsafeWithoutTenant(
    "sign-in: count the attempt before the password is compared",
    async (tx) => {
      const byClient = clientKey ? await claimAttempt(tx, clientKey, CLIENT_POLICY, now) : NOT_COUNTED;
      if (!byClient.allowed)
        return {
          refused: {
            ok: false,
            reason: "throttled",
            retryAfterSeconds: byClient.retryAfterSeconds,
            scope: "client",
          } as const,
        };
      const byEmail = await claimAttempt(tx, emailKey, EMAIL_POLICY, now);
      if (!byEmail.allowed)
        return {
          refused: {
            ok: false,
            reason: "throttled",
            retryAfterSeconds: byEmail.retryAfterSeconds,
            scope: "email",
          } as const,
        };
      const found = await tx.user.findUnique({ where: { email }, select: { ...sessionUserSelect, disabledAt: true } });
      const user = found ? { ...found, passwordHash: await passwordHashOf(tx, found.id) } : null;
      return { byClient, byEmail, user };
    },
  );
  if (counted.refused) return counted.refused;
  const { byClient, byEmail, user } = counted;

  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && valid && !user.disabledAt) {
    await unsafeWithoutTenant("sign-in: the password was right, its attempt is forgiven", async (tx) => {
      await clearAttempts(tx, emailKey);
      if (clientKey) await forgiveAttempt(tx, clientKey);
    });
    const { passwordHash: _hash, disabledAt: _d, ...safe } = user;
    return { ok: true, user: safe };
  }

  const subject = user ? ({ type: "User", id: user.id } as const) : ({ type: "SignIn", id: email } as const);
  return unsafeWithoutTenant("sign-in: record the refusal", async (tx): Promise<CredentialCheck> => {
    if (user && valid) {
      // The right password for a disabled account: say so (only someone who knows it learns it).
      await recordSecurityEvent(tx, {
        action: "auth.signInRefused",
        subject,
        actor: null,
        client,
        details: { why: "disabled" },
      });
      return { ok: false, reason: "disabled" };
    }
    await recordSecurityEvent(tx, { action: "auth.signInFailed", subject, actor: null, client });
    if (byEmail.lockedSeconds > 0) {
      await recordSecurityEvent(tx, {
        action: "auth.lockedOut",
        subject,
        actor: null,
        client,
        details: { seconds: byEmail.lockedSeconds, attempts: byEmail.attempts },
      });
      return { ok: false, reason: "throttled", retryAfterSeconds: byEmail.lockedSeconds, scope: "email" };
    }
    if (byClient.lockedSeconds > 0) {
      await recordSecurityEvent(tx, {
        action: "auth.clientLockedOut",
        subject: { type: "Client", id: client.ip },
        actor: null,
        client,
        details: { seconds: byClient.lockedSeconds },
      });
      return { ok: false, reason: "throttled", retryAfterSeconds: byClient.lockedSeconds, scope: "client" };
    }
    return { ok: false, reason: "invalid" };
  });
}

export async function setUserLocale(user: SessionUser, locale: string, client?: ClientInfo): Promise<void> {
  await withPerson(user, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: user.id }, select: { locale: true } });
    if (before?.locale === locale) return;
    await tx.user.update({ where: { id: user.id }, data: { locale }, select: { id: true } });
    await recordSecurityEvent(tx, {
      action: "user.localeChanged",
      subject: { type: "User", id: user.id },
      actor: user,
      client,
      details: { from: before?.locale ?? null, to: locale },
    });
  });
}

/**
 * Changes one's own password: the current one is checked (and throttled like a sign-in, so a
 * stolen session cannot guess it), the new one must pass the policy (the schema checked it), and
 * every other session of the person ends.
 */
export async function changeOwnPassword(
  user: SessionUser,
  currentSessionId: string | null,
  current: string,
  next: string,
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<void> {
  const now = new Date();
  const emailKey = throttleKey.email(user.email);
  const { claim, row } = await withPerson(user, async (tx) => {
    const claim = await claimAttempt(tx, emailKey, EMAIL_POLICY, now);
    const row = claim.allowed ? { passwordHash: await passwordHashOf(tx, user.id) } : null;
    return { claim, row };
  });
  if (!claim.allowed)
    throw new RuleError("errors.invalidInput", {
      currentPassword: { key: "auth.throttled", values: { seconds: claim.retryAfterSeconds } },
    });
  if (!row?.passwordHash || !(await verifyPassword(current, row.passwordHash))) {
    await withPerson(user, (tx) =>
      recordSecurityEvent(tx, {
        action: "auth.signInFailed",
        subject: { type: "User", id: user.id },
        actor: user,
        client,
        details: { during: "passwordChange" },
      }),
    );
    throw new RuleError("errors.invalidInput", { currentPassword: { key: "validation.wrongPassword" } });
  }
  const passwordHash = await hashPassword(next);
  await withPerson(user, async (tx) => {
    await clearAttempts(tx, emailKey);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now },
      select: { id: true },
    });
    const ended = await revokeSessions(tx, user.id, "passwordChanged", currentSessionId ?? undefined);
    await revokePendingResets(tx, user.id); // a link handed out earlier must not undo this change
    await recordSecurityEvent(tx, {
      action: "auth.passwordChanged",
      subject: { type: "User", id: user.id },
      actor: user,
      client,
      details: { otherSessionsEnded: ended },
    });
  });
}
