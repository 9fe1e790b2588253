"use server";

import { revalidatePath } from "next/cache";
import { invitationLink } from "@/lib/server/invitation-link";
import { createTenant } from "@/lib/data/tenants";
import { CreateTenantSchema } from "@/lib/validation/tenants";
import { userAction } from "./safe-action";

export const createTenantAction = userAction(CreateTenantSchema, async (input, user) => {
  const { tenant, invitationToken } = await createTenant(user, input);
  const link = invitationLink(invitationToken);
  revalidatePath("/admin");
  return { ok: true, data: { link, slug: tenant.slug, email: input.adminEmail } };
});
