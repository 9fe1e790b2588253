import "server-only";
// Signed-in sessions, stored so that they can be ended on the server: signing out, "sign out on
// all devices", a password change or reset, and disabling a person end them at once, and an idle
// or too-old session stops counting (lib/domain/session-policy.ts). UserSession belongs to no
// tenant; the events are tenant-less security events. Before a session is known (or from its
// cookie alone) the door is unsafeWithoutTenant; the person's own acts go through withPerson.
import { NotFoundError } from "@/lib/domain/errors";
import type { ClientInfo } from "@/lib/domain/security-events";
import { sessionEndReason, sessionPolicy } from "@/lib/domain/session-policy";
import type { SessionUser } from "./context";
import { unsafeOutsideTenants, unsafeWithoutTenant, withPerson, type Tx } from "./door";
import { recordSecurityEvent } from "./security-events";

export type RevokeReason =
  "signOut" | "signOutEverywhere" | "passwordChanged" | "passwordReset" | "disabled" | "revokedByUser";

export const sessionUserSelect = { id: true, email: true, name: true, locale: true, isPlatformAdmin: true } as const;

/** Starts a session for a person whose password was just checked; its id goes into the cookie. */
export async function unsafeStartSession(userId: string, client: ClientInfo, now = new Date()): Promise<string> {
  const { maxMs } = sessionPolicy();
  return unsafeWithoutTenant("sign-in: the password was checked, the session does not exist yet", async (tx) => {
    const session = await tx.userSession.create({
      data: {
        userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + maxMs),
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      },
      select: { id: true },
    });
    await recordSecurityEvent(tx, {
      action: "auth.signedIn",
      subject: { type: "User", id: userId },
      actor: { id: userId },
      client,
      details: { sessionId: session.id },
    });
    return session.id;
  });
}

/**
 * The person behind a session cookie, or null when the session was ended, is idle or too old,
 * or the person was disabled. Marks the session as seen (at most once a minute).
 */
export async function unsafeFindSessionUser(
  sessionId: string,
  userId: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const policy = sessionPolicy();
  return unsafeOutsideTenants("a session cookie: who it names is what this finds out", async (tx) => {
    const session = await tx.userSession.findUnique({
      where: { id: sessionId },
      select: {
        userId: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        user: { select: { ...sessionUserSelect, disabledAt: true } },
      },
    });
    if (!session || session.userId !== userId || session.user.disabledAt) return null;
    if (sessionEndReason(session, policy, now)) return null;
    if (now.getTime() - session.lastSeenAt.getTime() >= policy.touchEveryMs) {
      await tx.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
    }
    const { disabledAt: _d, ...user } = session.user;
    return user;
  });
}

/** Ends one session (signing out on this device). Unknown or already-ended ids change nothing. */
export async function unsafeEndSession(sessionId: string, reason: RevokeReason, client?: ClientInfo): Promise<void> {
  await unsafeWithoutTenant("signing out: the session's id is all there is", async (tx) => {
    const ended = await tx.userSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
      select: { userId: true },
    });
    const userId = ended[0]?.userId;
    if (userId)
      await recordSecurityEvent(tx, {
        action: "auth.signedOut",
        subject: { type: "User", id: userId },
        actor: { id: userId },
        client,
        details: { sessionId },
      });
  });
}

/** Ends every live session of a person, except `keep` (the one that changed the password), in the caller's transaction. Returns how many. */
export async function revokeSessions(tx: Tx, userId: string, reason: RevokeReason, keep?: string): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { NOT: { id: keep } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return count;
}

/** "Sign out on all devices". */
export async function signOutEverywhere(user: SessionUser, client?: ClientInfo): Promise<void> {
  await withPerson(user, async (tx) => {
    const ended = await revokeSessions(tx, user.id, "signOutEverywhere");
    await recordSecurityEvent(tx, {
      action: "auth.signedOutEverywhere",
      subject: { type: "User", id: user.id },
      actor: user,
      client,
      details: { sessions: ended },
    });
  });
}

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The person's own live sessions, newest first, for the account page. */
export async function listMySessions(user: SessionUser, currentSessionId: string | null): Promise<SessionRow[]> {
  const now = new Date();
  const policy = sessionPolicy();
  const rows = await withPerson(user, (tx) =>
    tx.userSession.findMany({
      where: {
        userId: user.id,
        revokedAt: null,
        expiresAt: { gt: now },
        lastSeenAt: { gt: new Date(now.getTime() - policy.idleMs) },
      },
      select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
      orderBy: { lastSeenAt: "desc" },
      take: 50,
    }),
  );
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

/** Ends one of the person's own other sessions (a device they no longer use). */
export async function revokeMySession(user: SessionUser, sessionId: string, client?: ClientInfo): Promise<void> {
  await withPerson(user, async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: "revokedByUser" },
    });
    if (count === 0) throw new NotFoundError("session");
    await recordSecurityEvent(tx, {
      action: "auth.sessionRevoked",
      subject: { type: "User", id: user.id },
      actor: user,
      client,
      details: { sessionId },
    });
  });
}
