"use server";

import { revalidatePath } from "next/cache";
import { changeMemberRole, removeMember, setFocalPointRole } from "@/lib/data/members";
import { FocalPointRoleSchema } from "@/lib/validation/handovers";
import { createInvitation, revokeInvitation } from "@/lib/data/invitations";
import {
  ChangeRoleSchema,
  InvitationRefSchema,
  InviteMemberSchema,
  MembershipRefSchema,
} from "@/lib/validation/members";
import { createMemberPasswordReset } from "@/lib/data/password-resets";
import { invitationLink, passwordResetLink } from "@/lib/server/invitation-link";
import { tenantAction } from "./safe-action";

export const inviteMemberAction = tenantAction(InviteMemberSchema, async (input, ctx) => {
  const { token } = await createInvitation(ctx, input);
  // Until email exists, the link reaches the invitee through the admin, shown once; it is never
  // logged, and only its hash is stored.
  const link = invitationLink(token);
  revalidatePath(`/${ctx.tenant.slug}/members`);
  return { ok: true, data: { link, email: input.email } };
});

export const changeRoleAction = tenantAction(ChangeRoleSchema, async (input, ctx) => {
  await changeMemberRole(ctx, input.membershipId, input.role, input.agencyId);
  revalidatePath(`/${ctx.tenant.slug}/members`);
  return { ok: true, message: { key: "members.roleSaved" } };
});

export const removeMemberAction = tenantAction(MembershipRefSchema, async (input, ctx) => {
  await removeMember(ctx, input.membershipId);
  revalidatePath(`/${ctx.tenant.slug}/members`);
  return { ok: true, message: { key: "members.removed" } };
});

export const revokeInvitationAction = tenantAction(InvitationRefSchema, async (input, ctx) => {
  await revokeInvitation(ctx, input.invitationId);
  revalidatePath(`/${ctx.tenant.slug}/members`);
  return { ok: true, message: { key: "members.invitationRevoked" } };
});

/** A single-use link to set a new password, shown once to the admin who hands it over. */
export const createResetLinkAction = tenantAction(MembershipRefSchema, async (input, ctx) => {
  const { token, email } = await createMemberPasswordReset(ctx, input.membershipId);
  return { ok: true, data: { link: passwordResetLink(token), email } };
});

/** A focal point becomes their agency's primary focal point, or an alternate. */
export const setFocalPointRoleAction = tenantAction(FocalPointRoleSchema, async (input, ctx) => {
  await setFocalPointRole(ctx, input.membershipId, input.role === "primary");
  revalidatePath(`/${ctx.tenant.slug}/members`);
  return { ok: true, message: { key: "focalPoint.saved" } };
});
