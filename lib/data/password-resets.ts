import "server-only";
// Single-use links to set a new password, made by a tenant administrator for a member or by the
// platform administrator for anyone. Shown once like an invitation link; only the sha256 of the
// token is stored; valid for 24 hours; a new link replaces the person's earlier ones; using it
// ends every session of the person.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import type { ClientInfo } from "@/lib/domain/security-events";
import { throttleKey } from "@/lib/domain/throttle";
import { requirePermission, type SessionUser, type TenantContext } from "./context";
import { hashToken } from "./invitations";
import { recordSecurityEvent } from "./security-events";
import { revokeSessions } from "./sessions";
import { clearAttempts } from "./sign-in-throttle";

export const RESET_VALID_HOURS = 24;

async function issue(tx: Prisma.TransactionClient, userId: string, by: SessionUser, tenantId: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordReset.create({
    data: { userId, tenantId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_VALID_HOURS * 3_600_000), createdById: by.id },
  });
  await recordSecurityEvent(tx, { action: "auth.passwordResetIssued", subject: { type: "User", id: userId }, actor: by, tenantId, details: { validHours: RESET_VALID_HOURS } });
  return token;
}

/**
 * A tenant administrator makes a reset link for a member of their tenant. Only for people who
 * belong to this tenant alone and are not platform administrators: otherwise one country's
 * administrator could take over an account that opens other countries (IOM staff). Those ask
 * the platform administrator.
 */
export async function createMemberPasswordReset(ctx: TenantContext, membershipId: string): Promise<{ token: string; email: string }> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const member = await db.membership.findFirst({
    where: { id: membershipId, tenantId: ctx.tenant.id },
    select: { userId: true, user: { select: { email: true, isPlatformAdmin: true, disabledAt: true, _count: { select: { memberships: true } } } } },
  });
  if (!member) throw new NotFoundError("membership");
  if (member.userId === ctx.user.id) throw new RuleError("members.resetOwnPassword");
  if (member.user.isPlatformAdmin || member.user._count.memberships > 1) throw new RuleError("members.resetElsewhere");
  if (member.user.disabledAt) throw new RuleError("members.resetDisabled");
  const token = await db.$transaction((tx) => issue(tx, member.userId, ctx.user, ctx.tenant.id));
  return { token, email: member.user.email };
}

/** The platform administrator makes a reset link for anyone but themselves. */
export async function createPasswordResetAsPlatformAdmin(admin: SessionUser, userId: string): Promise<{ token: string; email: string }> {
  if (!admin.isPlatformAdmin) throw new ForbiddenError("platform.admin");
  if (admin.id === userId) throw new RuleError("members.resetOwnPassword");
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
  if (!user) throw new NotFoundError("user");
  if (user.disabledAt) throw new RuleError("members.resetDisabled");
  const token = await db.$transaction((tx) => issue(tx, userId, admin, null));
  return { token, email: user.email };
}

async function findUsable(token: string) {
  const db = await getDb();
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { email: true, name: true, disabledAt: true } } },
  });
  if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt <= new Date() || reset.user.disabledAt) return null;
  return reset;
}

/** What the reset page shows. The token is the credential. */
export async function unsafeFindPasswordReset(token: string): Promise<{ email: string; name: string } | null> {
  const reset = await findUsable(token);
  return reset ? { email: reset.user.email, name: reset.user.name } : null;
}

/** Sets the new password (the schema checked the policy), uses up the link and ends every session. */
export async function unsafeUsePasswordReset(token: string, password: string, client?: ClientInfo): Promise<{ email: string }> {
  const reset = await findUsable(token);
  if (!reset) throw new NotFoundError("passwordReset");
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } });
    if (claimed.count === 0) throw new NotFoundError("passwordReset");
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    const ended = await revokeSessions(tx, reset.userId, "passwordReset");
    await recordSecurityEvent(tx, { action: "auth.passwordReset", subject: { type: "User", id: reset.userId }, actor: { id: reset.userId }, client, details: { sessionsEnded: ended } });
  });
  await clearAttempts(db, throttleKey.email(reset.user.email));
  return { email: reset.user.email };
}
