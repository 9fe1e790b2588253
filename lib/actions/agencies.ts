"use server";

import { revalidatePath } from "next/cache";
import { agencyRuleErrors, createAgency, setAgencyArchived, updateAgency } from "@/lib/data/agencies";
import type { TenantContext } from "@/lib/data/context";
import { ArchiveAgencySchema, CreateAgencySchema, UpdateAgencySchema } from "@/lib/validation/agencies";
import { tenantAction } from "./safe-action";

function agencyRuleErrorsFor(fields: Record<string, unknown>, ctx: TenantContext) {
  return agencyRuleErrors(ctx, fields);
}

// A form that fails its schema still hears whether the name is taken, in the same answer.
const rulesWhenInvalid = agencyRuleErrorsFor;

export const createAgencyAction = tenantAction(
  CreateAgencySchema,
  async (input, ctx) => {
    await createAgency(ctx, input);
    revalidatePath(`/${ctx.tenant.slug}/agencies`);
    return { ok: true, message: { key: "agencies.created" } };
  },
  { rulesWhenInvalid },
);

export const updateAgencyAction = tenantAction(
  UpdateAgencySchema,
  async (input, ctx) => {
    await updateAgency(ctx, input.agencyId, input.version, input);
    revalidatePath(`/${ctx.tenant.slug}/agencies`);
    return { ok: true, message: { key: "agencies.saved" } };
  },
  { rulesWhenInvalid },
);

export const archiveAgencyAction = tenantAction(ArchiveAgencySchema, async (input, ctx) => {
  await setAgencyArchived(ctx, input.agencyId, input.archived === "true");
  revalidatePath(`/${ctx.tenant.slug}/agencies`);
  return { ok: true, message: { key: input.archived === "true" ? "agencies.archivedDone" : "agencies.restoredDone" } };
});
