"use server";

import { revalidatePath } from "next/cache";
import { archivePlan, createPlan, deletePlan, updatePlan } from "@/lib/data/plans";
import { CreatePlanSchema, PlanRefSchema, UpdatePlanSchema } from "@/lib/validation/plans";
import { tenantAction } from "./safe-action";

// The forms navigate on success (to the new plan, or back to the list), so the id travels back as data.

export const createPlanAction = tenantAction(CreatePlanSchema, async (input, ctx) => {
  const { id } = await createPlan(ctx, input);
  revalidatePath(`/${ctx.tenant.slug}`);
  return { ok: true, data: { id }, message: { key: "planAdmin.created" } };
});

export const updatePlanAction = tenantAction(UpdatePlanSchema, async (input, ctx) => {
  await updatePlan(ctx, input.planId, input.version, input);
  revalidatePath(`/${ctx.tenant.slug}`);
  revalidatePath(`/${ctx.tenant.slug}/plans/${input.planId}`);
  return { ok: true, data: { id: input.planId }, message: { key: "planAdmin.saved" } };
});

export const archivePlanAction = tenantAction(PlanRefSchema, async (input, ctx) => {
  await archivePlan(ctx, input.planId);
  revalidatePath(`/${ctx.tenant.slug}`);
  return { ok: true, data: { id: input.planId }, message: { key: "planAdmin.archived" } };
});

export const deletePlanAction = tenantAction(PlanRefSchema, async (input, ctx) => {
  await deletePlan(ctx, input.planId);
  revalidatePath(`/${ctx.tenant.slug}`);
  return { ok: true, data: { id: input.planId }, message: { key: "planAdmin.deleted" } };
});
