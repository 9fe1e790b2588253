import "server-only";
// Single-use links to set a new password, made by a tenant administrator for a member or by the
// platform administrator for anyone. Shown once like an invitation link; only the sha256 of the
// token is stored; valid for 24 hours; a new link replaces the person's earlier ones; using it
// ends every session of the person.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import type { ClientInfo } from "@/lib/domain/security-events";
import { throttleKey } from "@/lib/domain/throttle";
import type { SessionUser, TenantContext } from "./context";
import { unsafeAsPlatform, unsafeWithoutTenant, withTenant, type Tx } from "./door";
import { hashToken } from "./invitations";
import { recordSecurityEvent } from "./security-events";
import { revokeSessions } from "./sessions";
import { clearAttempts } from "./sign-in-throttle";

export const RESET_VALID_HOURS = 24;

async function issue(tx: Tx, userId: string, by: SessionUser, tenantId: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  await tx.passwordReset.create({
    data: {
      userId,
      tenantId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + RESET_VALID_HOURS * 3_600_000),
      createdById: by.id,
    },
    select: { id: true },
  });
  await recordSecurityEvent(tx, {
    action: "auth.passwordResetIssued",
    subject: { type: "User", id: userId },
    actor: by,
    tenantId,
    details: { validHours: RESET_VALID_HOURS },
  });
  return token;
}

/**
 * How many tenants this person belongs to. Row-level security shows a tenant's scope only its own
 * memberships, so the count comes from a database function that answers this one number
 * (prisma/migrations/*_membership_count_function), not from widening the scope.
 */
async function membershipsOf(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT "nap_membership_count"(${userId}) AS n`;
  return Number(row?.n ?? 0);
}

/**
 * A tenant administrator makes a reset link for a member of their tenant. Only for people who
 * belong to this tenant alone and are not platform administrators: otherwise one country's
 * administrator could take over an account that opens other countries (IOM staff). Those ask
 * the platform administrator.
 */
export async function createMemberPasswordReset(
  ctx: TenantContext,
  membershipId: string,
): Promise<{ token: string; email: string }> {
  return withTenant(ctx, "members.manage", async (tx) => {
    const member = await tx.membership.findFirst({
      where: { id: membershipId, tenantId: ctx.tenant.id },
      select: { userId: true, user: { select: { email: true, isPlatformAdmin: true, disabledAt: true } } },
    });
    if (!member) throw new NotFoundError("membership");
    if (member.userId === ctx.user.id) throw new RuleError("members.resetOwnPassword");
    if (member.user.isPlatformAdmin || (await membershipsOf(tx, member.userId)) > 1)
      throw new RuleError("members.resetElsewhere");
    if (member.user.disabledAt) throw new RuleError("members.resetDisabled");
    const token = await issue(tx, member.userId, ctx.user, ctx.tenant.id);
    return { token, email: member.user.email };
  });
}

/** The platform administrator makes a reset link for anyone but themselves. */
export async function createPasswordResetAsPlatformAdmin(
  admin: SessionUser,
  userId: string,
): Promise<{ token: string; email: string }> {
  if (!admin.isPlatformAdmin) throw new ForbiddenError("platform.admin");
  if (admin.id === userId) throw new RuleError("members.resetOwnPassword");
  return unsafeAsPlatform(
    "the platform administrator makes a reset link for a person of any tenant",
    { kind: "user", id: admin.id },
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, disabledAt: true } });
      if (!user) throw new NotFoundError("user");
      if (user.disabledAt) throw new RuleError("members.resetDisabled");
      const token = await issue(tx, userId, admin, null);
      return { token, email: user.email };
    },
  );
}

async function findUsable(tx: Tx, tokenHash: string) {
  const reset = await tx.passwordReset.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { email: true, name: true, disabledAt: true } },
    },
  });
  if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt <= new Date() || reset.user.disabledAt) return null;
  return reset;
}

/** What the reset page shows. The token is the credential: only its own row is visible. */
export async function unsafeFindPasswordReset(token: string): Promise<{ email: string; name: string } | null> {
  const tokenHash = hashToken(token);
  const reset = await unsafeWithoutTenant(
    "a reset link: the token is the credential",
    (tx) => findUsable(tx, tokenHash),
    { tokenHash },
  );
  return reset ? { email: reset.user.email, name: reset.user.name } : null;
}

/** Sets the new password (the schema checked the policy), uses up the link and ends every session. */
export async function unsafeUsePasswordReset(
  token: string,
  password: string,
  client?: ClientInfo,
): Promise<{ email: string }> {
  const tokenHash = hashToken(token);
  const reset = await unsafeWithoutTenant(
    "a reset link: the token is the credential",
    (tx) => findUsable(tx, tokenHash),
    { tokenHash },
  );
  if (!reset) throw new NotFoundError("passwordReset");
  // bcrypt between the two doors, never inside a transaction.
  const passwordHash = await hashPassword(password);
  await unsafeWithoutTenant(
    "a reset link: the token is the credential",
    async (tx) => {
      const claimed = await tx.passwordReset.updateMany({
        where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      });
      if (claimed.count === 0) throw new NotFoundError("passwordReset");
      await tx.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
      const ended = await revokeSessions(tx, reset.userId, "passwordReset");
      await recordSecurityEvent(tx, {
        action: "auth.passwordReset",
        subject: { type: "User", id: reset.userId },
        actor: { id: reset.userId },
        client,
        details: { sessionsEnded: ended },
      });
      await clearAttempts(tx, throttleKey.email(reset.user.email));
    },
    { tokenHash },
  );
  return { email: reset.user.email };
}
