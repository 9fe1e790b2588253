"use server";

import { revalidatePath } from "next/cache";
import { invitationLink } from "@/lib/server/invitation-link";
import { createTenant, inviteTenantAdmin, updateTenantSettings } from "@/lib/data/tenants";
import { CreateTenantSchema, InviteTenantAdminSchema, TenantSettingsSchema } from "@/lib/validation/tenants";
import { tenantAction, userAction } from "./safe-action";

export const createTenantAction = userAction(CreateTenantSchema, async (input, user) => {
  const { tenant, invitationToken } = await createTenant(user, input);
  const link = invitationLink(invitationToken);
  revalidatePath("/admin");
  return { ok: true, data: { link, slug: tenant.slug, email: input.adminEmail } };
});

export const updateTenantSettingsAction = tenantAction(TenantSettingsSchema, async (input, ctx) => {
  await updateTenantSettings(ctx, input);
  // The name and the languages show in the tenant's layout and every form: all of its pages.
  revalidatePath(`/${ctx.tenant.slug}`, "layout");
  return { ok: true, message: { key: "settings.saved" } };
});

export const inviteTenantAdminAction = userAction(InviteTenantAdminSchema, async (input, user) => {
  const token = await inviteTenantAdmin(user, input.slug, input.adminEmail);
  if (!token) return { ok: false, message: { key: "errors.notFound" } };
  revalidatePath(`/admin/tenants/${input.slug}`);
  return { ok: true, data: { link: invitationLink(token), slug: input.slug, email: input.adminEmail } };
});
