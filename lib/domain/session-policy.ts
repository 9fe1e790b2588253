// How long a signed-in session lasts. Read from the environment so that an operator can tighten
// it: SESSION_IDLE_MINUTES (no request for that long ends the session) and SESSION_MAX_HOURS
// (the session ends that long after sign-in, however active).
export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  /** lastSeenAt is written at most this often, so every request is not a write. */
  touchEveryMs: number;
}

const DEFAULT_IDLE_MINUTES = 60;
const DEFAULT_MAX_HOURS = 12;

function positive(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

export function sessionPolicy(env: Record<string, string | undefined> = process.env): SessionPolicy {
  const idleMs = positive(env.SESSION_IDLE_MINUTES, DEFAULT_IDLE_MINUTES, 7 * 24 * 60) * 60_000;
  const maxMs = positive(env.SESSION_MAX_HOURS, DEFAULT_MAX_HOURS, 30 * 24) * 3_600_000;
  return { idleMs: Math.min(idleMs, maxMs), maxMs, touchEveryMs: Math.min(60_000, idleMs / 4) };
}

export interface SessionTimes {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Why a stored session no longer counts, or null while it is alive. */
export function sessionEndReason(
  s: SessionTimes,
  policy: SessionPolicy,
  now: Date,
): "revoked" | "expired" | "idle" | null {
  if (s.revokedAt) return "revoked";
  if (s.expiresAt.getTime() <= now.getTime()) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= policy.idleMs) return "idle";
  return null;
}
