"use server";

import { revalidatePath } from "next/cache";
import type { TenantContext } from "@/lib/data/context";
import { archivePlan, createPlan, deletePlan, planRuleErrors, updatePlan, type PlanInput } from "@/lib/data/plans";
import { CreatePlanSchema, PlanRefSchema, UpdatePlanSchema } from "@/lib/validation/plans";
import { tenantAction } from "./safe-action";

// The forms navigate on success (to the new plan, or back to the list), so the id travels back as data.

// A form that fails its schema still hears about its predecessor and status move in the same answer.
const rulesWhenInvalid = ({ planId, ...fields }: Record<string, unknown>, ctx: TenantContext) =>
  planRuleErrors(ctx, planId, fields as Partial<PlanInput>);

export const createPlanAction = tenantAction(
  CreatePlanSchema,
  async (input, ctx) => {
    const { id } = await createPlan(ctx, input);
    revalidatePath(`/${ctx.tenant.slug}`);
    return { ok: true, data: { id }, message: { key: "planAdmin.created" } };
  },
  { rulesWhenInvalid },
);

export const updatePlanAction = tenantAction(
  UpdatePlanSchema,
  async (input, ctx) => {
    await updatePlan(ctx, input.planId, input.version, input);
    revalidatePath(`/${ctx.tenant.slug}`);
    revalidatePath(`/${ctx.tenant.slug}/plans/${input.planId}`);
    return { ok: true, data: { id: input.planId }, message: { key: "planAdmin.saved" } };
  },
  { rulesWhenInvalid },
);

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
