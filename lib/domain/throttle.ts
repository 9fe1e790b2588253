// How repeated sign-in attempts are slowed down. Two keys are counted for every attempt: the
// email (guessing one person's password) and the client's address (one client trying a password
// against many addresses, "spraying"). Each attempt is counted atomically BEFORE the password is
// checked (lib/data/sign-in-throttle.ts), and the lock is set in the same statement, so parallel
// attempts cannot slip past a stale read.
//
// The email lock stays short (at most 5 minutes) so that nobody can keep an owner out of their
// account for long; a client that keeps failing is held much longer.

export interface ThrottlePolicy {
  /** Attempts within the window before the first lock. */
  free: number;
  windowMs: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const EMAIL_POLICY: ThrottlePolicy = {
  free: 5,
  windowMs: 15 * 60_000,
  firstLockMs: 30_000,
  maxLockMs: 5 * 60_000,
};
export const CLIENT_POLICY: ThrottlePolicy = {
  free: 20,
  windowMs: 15 * 60_000,
  firstLockMs: 60_000,
  maxLockMs: 15 * 60_000,
};

/** Kept for readers of the old name: failures allowed per email before the first lock. */
export const FREE_FAILURES = EMAIL_POLICY.free;

/**
 * The lock that the n-th attempt of a window sets (it is lifted again if that attempt succeeds):
 * none before the free attempts run out, then doubling from the first lock, capped.
 */
export function lockMsAfter(policy: ThrottlePolicy, attempts: number): number | null {
  if (attempts < policy.free) return null;
  const doublings = Math.min(attempts - policy.free, 30);
  return Math.min(policy.firstLockMs * 2 ** doublings, policy.maxLockMs);
}

/** Whole seconds until `until`, at least 1 while it is in the future; 0 when it has passed. */
export function secondsUntil(until: Date | null | undefined, now: Date): number {
  if (!until) return 0;
  const ms = until.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export const throttleKey = {
  email: (email: string) => `email:${email}`,
  client: (ip: string) => `client:${ip}`,
};
