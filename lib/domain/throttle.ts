// How repeated sign-in failures for one email are slowed down. Pure, so the policy is unit-tested.
export const FREE_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailure: Date;
  lockedUntil: Date | null;
}

/** Seconds the caller must still wait, or 0. */
export function secondsLocked(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure: free attempts first, then locks that double, capped. */
export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const recent = state && now.getTime() - state.lastFailure.getTime() < FAILURE_WINDOW_MS;
  const failures = (recent ? state.failures : 0) + 1;
  const over = failures - FREE_FAILURES;
  const lockedUntil =
    over >= 0 ? new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** over, MAX_LOCK_MS)) : null;
  return { failures, lastFailure: now, lockedUntil };
}
