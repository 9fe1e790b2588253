"use server";

import { revalidatePath } from "next/cache";
import { changeMemberRole, removeMember } from "@/lib/data/members";
import { createInvitation, revokeInvitation } from "@/lib/data/invitations";
import { ChangeRoleSchema, InvitationRefSchema, InviteMemberSchema, MembershipRefSchema } from "@/lib/validation/members";
import { invitationLink } from "@/lib/server/invitation-link";
import { tenantAction } from "./safe-action";

export const inviteMemberAction = tenantAction(InviteMemberSchema, async (input, ctx) => {
  const { token } = await createInvitation(ctx, input);
  const link = await invitationLink(token);
  // Until email exists, the link reaches the invitee through the admin and the server log.
  console.log(`invitation for ${input.email} to ${ctx.tenant.slug}: ${link}`);
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
