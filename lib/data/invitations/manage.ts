import "server-only";
// Invitations made and managed by a tenant's administrators (and the first one, by createTenant).
import { toTexts, type Texts } from "@/lib/domain/texts";
import { createHash, randomBytes } from "node:crypto";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import type { SessionUser, TenantContext } from "../context";
import { recordAudit } from "../audit";
import { withTenant, type Tx } from "../door";
import { normaliseEmail } from "../users";
import { assertAgencyForRoleIn } from "../agencies";

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

/**
 * Creates an invitation inside the caller's transaction, in the scope of `input.tenantId` (a
 * tenant door, or createTenant once the tenant exists), and returns the secret token for the link.
 */
export async function issueInvitation(tx: Tx, input: IssueInput): Promise<string> {
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
      await recordAudit(tx, {
        tenantId: input.tenantId,
        actor: input.invitedBy,
        action: "invitation.replaced",
        entityType: "Invitation",
        entityId: old.id,
      });
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
  const email = normaliseEmail(input.email);
  return withTenant(ctx, "members.manage", async (tx) => {
    const agencyId = await assertAgencyForRoleIn(tx, ctx, input.role, input.agencyId);
    const already = await tx.membership.findFirst({
      where: { tenantId: ctx.tenant.id, user: { email } },
      select: { id: true },
    });
    if (already) throw new RuleError("errors.invalidInput", { email: { key: "validation.alreadyMember" } });
    const token = await issueInvitation(tx, {
      tenantId: ctx.tenant.id,
      invitedBy: ctx.user,
      email,
      role: input.role,
      agencyId,
    });
    return { token };
  });
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  agencyName: Texts | null;
  expiresAt: Date;
  createdAt: Date;
}

export async function listPendingInvitations(ctx: TenantContext): Promise<PendingInvitation[]> {
  const rows = await withTenant(ctx, "members.manage", (tx) =>
    tx.invitation.findMany({
      where: { tenantId: ctx.tenant.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: {
        id: true,
        email: true,
        role: true,
        expiresAt: true,
        createdAt: true,
        agency: { select: { name: true } },
      },
      orderBy: { createdAt: "desc" },
    }),
  );
  return rows.map(({ agency, ...r }) => ({ ...r, agencyName: agency ? toTexts(agency.name) : null }));
}

export async function revokeInvitation(ctx: TenantContext, invitationId: string): Promise<void> {
  await withTenant(ctx, "members.manage", async (tx, audit) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, tenantId: ctx.tenant.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("invitation");
    await audit({ action: "invitation.revoked", entityType: "Invitation", entityId: invitationId });
  });
}
