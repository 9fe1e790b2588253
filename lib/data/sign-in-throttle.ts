import "server-only";
import { lockMsAfter, secondsUntil, type ThrottlePolicy } from "@/lib/domain/throttle";
import type { Tx } from "./door";

// Helpers for the sign-in doors of users.ts and password-resets.ts: each takes the caller's
// transaction (SignInThrottle belongs to no tenant and has no row-level security).

export type Claim =
  { allowed: true; attempts: number; lockedSeconds: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one sign-in attempt for `key`, atomically, and tells whether it may be checked.
 * One statement: a new window starts after `windowMs` of quiet, counted from the end of the last
 * lock (so a lock as long as the window does not reset the count the moment it ends); an attempt made while the key
 * is locked is refused and NOT counted (so it does not lengthen the lock); the attempt that uses
 * up the free ones sets the lock in the same statement, so concurrent attempts after it are
 * refused before anyone has compared a password. The transaction it runs in must commit before
 * the password is compared (bcrypt never runs inside a transaction), so the count holds at once.
 */
export async function claimAttempt(tx: Tx, key: string, policy: ThrottlePolicy, now: Date): Promise<Claim> {
  const cutoff = new Date(now.getTime() - policy.windowMs);
  const rows = await tx.$queryRaw<{ attempts: number; lockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "attempts", "lastAttempt", "lockedUntil")
    VALUES (${key}, 1, ${now}::timestamp(3), ${lockAt(policy, 1, now)}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN GREATEST(t."lastAttempt", COALESCE(t."lockedUntil", t."lastAttempt")) <= ${cutoff}::timestamp(3) THEN 1 ELSE t."attempts" + 1 END,
      "lastAttempt" = ${now}::timestamp(3),
      "lockedUntil" = CASE
        WHEN (CASE WHEN GREATEST(t."lastAttempt", COALESCE(t."lockedUntil", t."lastAttempt")) <= ${cutoff}::timestamp(3) THEN 1 ELSE t."attempts" + 1 END) >= ${policy.free}
        THEN ${now}::timestamp(3) + LEAST(
          ${policy.firstLockMs}::float8 * power(2, LEAST((CASE WHEN GREATEST(t."lastAttempt", COALESCE(t."lockedUntil", t."lastAttempt")) <= ${cutoff}::timestamp(3) THEN 1 ELSE t."attempts" + 1 END) - ${policy.free}, 30)),
          ${policy.maxLockMs}::float8
        ) * interval '1 millisecond'
        ELSE NULL END
    WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamp(3)
    RETURNING "attempts", "lockedUntil"`;
  const row = rows[0];
  if (row) return { allowed: true, attempts: Number(row.attempts), lockedSeconds: secondsUntil(row.lockedUntil, now) };
  const current = await tx.signInThrottle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return { allowed: false, retryAfterSeconds: Math.max(1, secondsUntil(current?.lockedUntil, now)) };
}

function lockAt(policy: ThrottlePolicy, attempts: number, now: Date): Date | null {
  const ms = lockMsAfter(policy, attempts);
  return ms === null ? null : new Date(now.getTime() + ms);
}

/** The person proved who they are: their address starts afresh. */
export async function clearAttempts(tx: Tx, key: string): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key } });
}

/**
 * A successful attempt from a client is not held against it (an office behind one address signs
 * in every morning): its count goes back by one and the lock this very attempt set is lifted.
 * The next failure locks again at the same count, so a valid account of one's own buys an
 * attacker nothing: still one failed guess per lock period.
 */
export async function forgiveAttempt(tx: Tx, key: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "SignInThrottle" SET "attempts" = GREATEST("attempts" - 1, 0), "lockedUntil" = NULL
    WHERE "key" = ${key}`;
}
