import "server-only";
import { getDb } from "@/lib/db";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { afterFailure, secondsLocked } from "@/lib/domain/throttle";
import type { SessionUser } from "./context";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  isPlatformAdmin: true,
  sessionVersion: true,
} as const;

export type CredentialCheck =
  | { ok: true; user: SessionUser & { sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unsafe by nature (no session yet): it only ever answers
 * "this person" or "no", and slows down repeated failures for one email, existing or not.
 */
export async function unsafeVerifyCredentials(emailInput: string, password: string, now = new Date()): Promise<CredentialCheck> {
  const db = await getDb();
  const email = normaliseEmail(emailInput);
  const throttle = await db.loginThrottle.findUnique({ where: { email } });
  const wait = secondsLocked(throttle, now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({ where: { email }, select: { ...sessionUserSelect, passwordHash: true } });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    const next = afterFailure(throttle, now);
    await db.loginThrottle.upsert({ where: { email }, create: { email, ...next }, update: next });
    const locked = secondsLocked(next, now);
    return locked > 0 ? { ok: false, reason: "throttled", retryAfterSeconds: locked } : { ok: false, reason: "invalid" };
  }
  if (throttle) await db.loginThrottle.delete({ where: { email } });
  const { passwordHash: _hash, ...safe } = user;
  return { ok: true, user: safe };
}

/** The signed-in person, if the session's version is still current ("sign out everywhere"). */
export async function unsafeFindSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: sessionUserSelect });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _v, ...rest } = user;
  return rest;
}

export async function setUserLocale(user: SessionUser, locale: string): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: user.id }, data: { locale } });
}

/** Ends every session of this person, on every device. */
export async function signOutEverywhere(user: SessionUser): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
}
