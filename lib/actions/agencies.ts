"use server";

import { revalidatePath } from "next/cache";
import { createAgency, setAgencyArchived, updateAgency } from "@/lib/data/agencies";
import { ArchiveAgencySchema, CreateAgencySchema, UpdateAgencySchema } from "@/lib/validation/agencies";
import { tenantAction } from "./safe-action";

export const createAgencyAction = tenantAction(CreateAgencySchema, async (input, ctx) => {
  await createAgency(ctx, input);
  revalidatePath(`/${ctx.tenant.slug}/agencies`);
  return { ok: true, message: { key: "agencies.created" } };
});

export const updateAgencyAction = tenantAction(UpdateAgencySchema, async (input, ctx) => {
  await updateAgency(ctx, input.agencyId, input.version, input);
  revalidatePath(`/${ctx.tenant.slug}/agencies`);
  return { ok: true, message: { key: "agencies.saved" } };
});

export const archiveAgencyAction = tenantAction(ArchiveAgencySchema, async (input, ctx) => {
  await setAgencyArchived(ctx, input.agencyId, input.archived === "true");
  revalidatePath(`/${ctx.tenant.slug}/agencies`);
  return { ok: true, message: { key: input.archived === "true" ? "agencies.archivedDone" : "agencies.restoredDone" } };
});
