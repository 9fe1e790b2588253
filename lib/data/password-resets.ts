import "server-only";
// Single-use links to set a new password, made by a tenant administrator for a member or by the
// platform administrator for anyone. Shown once like an invitation link; only the sha256 of the
// token is stored; valid for 24 hours; a new link replaces the person's earlier ones; using it
// ends every session of the person.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { ClientInfo } from "@/lib/domain/security-events";
import { throttleKey } from "@/lib/domain/throttle";
import { requirePlatformAdmin, type SessionUser, type TenantContext } from "./context";
import { unsafeAsPlatform, unsafeWithoutTenant, withTenant, type Tx } from "./door";
import { hashToken } from "./invitations";
import { recordSecurityEvent } from "./security-events";
import { revokeSessions } from "./sessions";
import { clearAttempts } from "./sign-in-throttle";

export const RESET_VALID_HOURS = 24;

async function issue(tx: Tx, userId: string, by: SessionUser, tenantId: string | null): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await revokePendingResets(tx, userId);
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
 * The tenants of all this person's memberships. Row-level security shows a tenant's scope only
 * its own memberships, so the list comes from a database function that answers this one thing
 * (prisma/migrations/*_account_functions_narrower_policies), not from widening the scope.
 */
async function tenantsOf(tx: Tx, userId: string): Promise<string[]> {
  const [row] = await tx.$queryRaw<{ ids: string[] }[]>`SELECT "nap_membership_tenants"(${userId}) AS ids`;
  return row?.ids ?? [];
}

/** A tenant's administrator speaks for a person only while the person belongs to that tenant alone. */
async function belongsOnlyTo(tx: Tx, userId: string, tenantId: string): Promise<boolean> {
  const tenants = await tenantsOf(tx, userId);
  return tenants.length === 1 && tenants[0] === tenantId;
}

/** Ends every pending reset link of the person, whoever made it (a narrow database function). */
export async function revokePendingResets(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT "nap_revoke_password_resets"(${userId})`;
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
    if (member.user.isPlatformAdmin || !(await belongsOnlyTo(tx, member.userId, ctx.tenant.id)))
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
  requirePlatformAdmin(admin);
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

/**
 * The link, if it may still be used. The rule it was made under is checked again now: a link from
 * a tenant's administrator stops working once the person also belongs elsewhere or administers
 * the platform (otherwise a kept link would open the person's other countries).
 */
async function findUsable(tx: Tx, tokenHash: string) {
  const reset = await tx.passwordReset.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      userId: true,
      tenantId: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { email: true, name: true, disabledAt: true, isPlatformAdmin: true } },
    },
  });
  if (!reset || reset.usedAt || reset.revokedAt || reset.expiresAt <= new Date() || reset.user.disabledAt) return null;
  if (reset.tenantId && (reset.user.isPlatformAdmin || !(await belongsOnlyTo(tx, reset.userId, reset.tenantId))))
    return null;
  return reset;
}

/** The rule again inside the writing transaction: nothing may have changed since the link was read. */
async function findUsableAfterClaim(
  tx: Tx,
  reset: { userId: string; tenantId: string | null; user: { isPlatformAdmin: boolean } },
) {
  if (!reset.tenantId) return true;
  return !reset.user.isPlatformAdmin && (await belongsOnlyTo(tx, reset.userId, reset.tenantId));
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
      if (claimed.count === 0 || !(await findUsableAfterClaim(tx, reset))) throw new NotFoundError("passwordReset");
      await revokePendingResets(tx, reset.userId);
      await tx.user.update({
        where: { id: reset.userId },
        data: { passwordHash, passwordChangedAt: new Date() },
        select: { id: true },
      });
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
