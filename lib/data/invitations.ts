import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { getDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/roles";
import { requirePermission, type SessionUser, type TenantContext } from "./context";
import { recordAudit } from "./audit";
import { normaliseEmail, unsafeVerifyCredentials } from "./users";
import { assertAgencyForRole } from "./agencies";
import { NewPasswordSchema } from "@/lib/validation/auth";
import { fieldErrorsFrom } from "@/lib/validation/form";
import { UNKNOWN_CLIENT, type ClientInfo } from "@/lib/domain/security-events";

const VALID_DAYS = 14;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

interface IssueInput {
  tenantId: string;
  invitedBy: SessionUser;
  email: string;
  role: Role;
  agencyId: string | null;
}

/** Creates an invitation inside the caller's transaction and returns the secret token for the link. */
export async function issueInvitation(tx: Prisma.TransactionClient, input: IssueInput): Promise<string> {
  const email = normaliseEmail(input.email);
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  // A new invitation replaces any pending one for the same person, and says so in the history.
  const replaced = await tx.invitation.findMany({
    where: { tenantId: input.tenantId, email, acceptedAt: null, revokedAt: null },
    select: { id: true },
  });
  if (replaced.length > 0) {
    await tx.invitation.updateMany({ where: { id: { in: replaced.map((r) => r.id) } }, data: { revokedAt: now } });
    for (const old of replaced) {
      await recordAudit(tx, { tenantId: input.tenantId, actor: input.invitedBy, action: "invitation.replaced", entityType: "Invitation", entityId: old.id });
    }
  }
  const invitation = await tx.invitation.create({
    data: {
      tenantId: input.tenantId,
      email,
      role: input.role,
      agencyId: input.agencyId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + VALID_DAYS * 86_400_000),
      invitedById: input.invitedBy.id,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    tenantId: input.tenantId,
    actor: input.invitedBy,
    action: "invitation.created",
    entityType: "Invitation",
    entityId: invitation.id,
    after: { email, role: input.role, agencyId: input.agencyId },
  });
  return token;
}

export interface InviteInput {
  email: string;
  role: Role;
  agencyId: string | null;
}

export async function createInvitation(ctx: TenantContext, input: InviteInput): Promise<{ token: string }> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const email = normaliseEmail(input.email);
  const agencyId = await assertAgencyForRole(ctx, input.role, input.agencyId);
  const already = await db.membership.findFirst({ where: { tenantId: ctx.tenant.id, user: { email } }, select: { id: true } });
  if (already) throw new RuleError("errors.invalidInput", { email: { key: "validation.alreadyMember" } });
  const token = await db.$transaction((tx) =>
    issueInvitation(tx, { tenantId: ctx.tenant.id, invitedBy: ctx.user, email, role: input.role, agencyId }),
  );
  return { token };
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  agencyName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export async function listPendingInvitations(ctx: TenantContext): Promise<PendingInvitation[]> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const rows = await db.invitation.findMany({
    where: { tenantId: ctx.tenant.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, agency: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ agency, ...r }) => ({ ...r, agencyName: agency?.name ?? null }));
}

export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, tenantId: ctx.tenant.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("invitation");
    await recordAudit(tx, { tenantId: ctx.tenant.id, actor: ctx.user, action: "invitation.revoked", entityType: "Invitation", entityId: invitationId });
  });
}

export interface InvitationView {
  email: string;
  role: Role;
  tenantName: string;
  agencyName: string | null;
  hasAccount: boolean;
}

async function findUsableInvitation(token: string) {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, email: true, role: true, agencyId: true, tenantId: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      tenant: { select: { name: true, slug: true } },
      agency: { select: { name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

/** What the invitation page shows. The token is the only credential, so no session is needed. */
export async function unsafeFindInvitation(token: string): Promise<InvitationView | null> {
  const invitation = await findUsableInvitation(token);
  if (!invitation) return null;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    role: invitation.role,
    tenantName: invitation.tenant.name,
    agencyName: invitation.agency?.name ?? null,
    hasAccount: Boolean(user),
  };
}

/**
 * Accepts an invitation: a new person sets name and password; a person who already has an
 * account (IOM staff joining another country) confirms with their password.
 */
export async function unsafeAcceptInvitation(
  token: string,
  input: { name?: string; password: string },
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<{ email: string; tenantSlug: string }> {
  const invitation = await findUsableInvitation(token);
  if (!invitation) throw new NotFoundError("invitation");
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (existing) {
    // The same check, and the same slowing-down of repeated failures, as signing in.
    const check = await unsafeVerifyCredentials(invitation.email, input.password, new Date(), client);
    if (!check.ok && check.reason === "throttled") {
      throw new RuleError("errors.invalidInput", { password: { key: "auth.throttled", values: { seconds: check.retryAfterSeconds } } });
    }
    if (!check.ok) throw new RuleError("errors.invalidInput", { password: { key: "validation.wrongPassword" } });
  }
  if (!existing && !input.name?.trim()) {
    throw new RuleError("errors.invalidInput", { name: { key: "validation.required" } });
  }
  // The form's "hasAccount" is the client's word: a new account always needs a real password.
  const newPassword = NewPasswordSchema.safeParse(input.password);
  if (!existing && !newPassword.success) {
    throw new RuleError("errors.invalidInput", { password: fieldErrorsFrom(newPassword.error)._form });
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: new Date() } });
    if (claimed.count === 0) throw new NotFoundError("invitation");
    const userId =
      existing?.id ??
      (await tx.user.create({ data: { email: invitation.email, name: input.name!.trim(), passwordHash: passwordHash! }, select: { id: true } })).id;
    const membership = await tx.membership.upsert({
      where: { tenantId_userId: { tenantId: invitation.tenantId, userId } },
      create: { tenantId: invitation.tenantId, userId, role: invitation.role, agencyId: invitation.agencyId },
      update: { role: invitation.role, agencyId: invitation.agencyId },
      select: { id: true },
    });
    await recordAudit(tx, {
      tenantId: invitation.tenantId,
      actor: { id: userId },
      action: "invitation.accepted",
      entityType: "Membership",
      entityId: membership.id,
      after: { email: invitation.email, role: invitation.role, agencyId: invitation.agencyId },
    });
  });
  return { email: invitation.email, tenantSlug: invitation.tenant.slug };
}
