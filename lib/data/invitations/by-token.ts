import "server-only";
// Invitations used by their link: no session, the token is the credential. Each door is opened
// with the token's hash, so the database shows only the invitation that token names
// (Invitation_token_read, Invitation_token_use) until it has proved its tenant.
import { toTexts, type Texts } from "@/lib/domain/texts";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError, RuleError } from "@/lib/domain/errors";
import type { Role } from "@/lib/domain/enums";
import { UNKNOWN_CLIENT, type ClientInfo } from "@/lib/domain/security-events";
import { NewPasswordSchema } from "@/lib/validation/auth";
import { fieldErrorsFrom } from "@/lib/validation/form";
import { recordAudit } from "../audit";
import { enterScope, unsafeWithoutTenant, type Tx } from "../door";
import { unsafeVerifyCredentials } from "../users";
import { hashToken } from "./manage";

export interface InvitationView {
  email: string;
  role: Role;
  tenantName: Texts;
  /** The tenant's content languages: the names fall back in their order. */
  contentLanguages: string[];
  agencyName: Texts | null;
  hasAccount: boolean;
}

const SYSTEM = { kind: "system", id: null } as const;

/** In a door opened with `{ tokenHash }`: only the invitation that token names is visible. */
async function findUsableInvitation(tx: Tx, tokenHash: string) {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      email: true,
      role: true,
      agencyId: true,
      tenantId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      tenant: { select: { name: true, slug: true, contentLanguages: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return null;
  return invitation;
}

/** What the invitation page shows. The token is the only credential, so no session is needed. */
export async function unsafeFindInvitation(token: string): Promise<InvitationView | null> {
  const tokenHash = hashToken(token);
  return unsafeWithoutTenant(
    "an invitation link: the token is the credential",
    async (tx) => {
      const invitation = await findUsableInvitation(tx, tokenHash);
      if (!invitation) return null;
      // The token has proved which tenant it belongs to: the agency's name is read in that scope.
      await enterScope(tx, { tenantId: invitation.tenantId, tokenHash, actor: SYSTEM });
      const agency = invitation.agencyId
        ? await tx.agency.findFirst({
            where: { id: invitation.agencyId, tenantId: invitation.tenantId },
            select: { name: true },
          })
        : null;
      const user = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      return {
        email: invitation.email,
        role: invitation.role,
        tenantName: toTexts(invitation.tenant.name),
        contentLanguages: invitation.tenant.contentLanguages,
        agencyName: agency ? toTexts(agency.name) : null,
        hasAccount: Boolean(user),
      };
    },
    { tokenHash },
  );
}

/**
 * Accepts an invitation: a new person sets name and password; a person who already has an
 * account (IOM staff joining another country) confirms with their password. Two doors, found by
 * the token, with the password check (its own doors, and bcrypt) between them and in none.
 */
export async function unsafeAcceptInvitation(
  token: string,
  input: { name?: string; password: string },
  client: ClientInfo = UNKNOWN_CLIENT,
): Promise<{ email: string; tenantSlug: string }> {
  const tokenHash = hashToken(token);
  const found = await unsafeWithoutTenant(
    "accepting an invitation: the token is the credential",
    async (tx) => {
      const invitation = await findUsableInvitation(tx, tokenHash);
      const existing = invitation
        ? await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })
        : null;
      return { invitation, existing };
    },
    { tokenHash },
  );
  const { invitation, existing } = found;
  if (!invitation) throw new NotFoundError("invitation");
  if (existing) {
    // The same check, and the same slowing-down of repeated failures, as signing in.
    const check = await unsafeVerifyCredentials(invitation.email, input.password, new Date(), client);
    if (!check.ok && check.reason === "throttled") {
      throw new RuleError("errors.invalidInput", {
        password: { key: "auth.throttled", values: { seconds: check.retryAfterSeconds } },
      });
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
  await unsafeWithoutTenant(
    "accepting an invitation: the token is the credential",
    async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count === 0) throw new NotFoundError("invitation");
      const userId =
        existing?.id ??
        (
          await tx.user.create({
            data: { email: invitation.email, name: input.name!.trim(), passwordHash: passwordHash! },
            select: { id: true },
          })
        ).id;
      // Used up, the invitation has proved its tenant and who accepts it: the membership and its
      // audit event are written in that tenant's scope, as that person.
      await enterScope(tx, { tenantId: invitation.tenantId, userId, actor: { kind: "user", id: userId } });
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
    },
    { tokenHash },
  );
  return { email: invitation.email, tenantSlug: invitation.tenant.slug };
}
