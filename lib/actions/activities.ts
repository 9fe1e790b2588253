"use server";

import { revalidatePath } from "next/cache";
import type { ActivitySnapshot } from "@/lib/domain/activity-rules";
import {
  activityRuleErrors,
  createActivity,
  deleteActivity,
  isActivityCodeFree,
  setActivityArchived,
  updateActivity,
} from "@/lib/data/activities";
import { isValidActivityCode } from "@/lib/domain/codes";
import {
  ActivityRefSchema,
  ArchiveActivitySchema,
  CheckCodeSchema,
  CreateActivitySchema,
  UpdateActivitySchema,
} from "@/lib/validation/activities";
import type { TenantContext } from "@/lib/data/context";
import { tenantAction } from "./safe-action";

// An activity shows on the plan page, the lists, the agency pages and its own page: refresh the tenant's pages.
const refresh = (slug: string) => revalidatePath(`/${slug}`, "layout");

// A form that fails its schema still hears about taken codes and unknown agencies in the same answer.
const rulesWhenInvalid = ({ tenant: _t, planId, activityId, ...fields }: Record<string, unknown>, ctx: TenantContext) =>
  activityRuleErrors(ctx, { planId, activityId }, fields as Partial<ActivitySnapshot>);

export const createActivityAction = tenantAction(
  CreateActivitySchema,
  async (input, ctx) => {
    const { tenant: _t, planId, ...fields } = input;
    const data = await createActivity(ctx, planId, fields);
    refresh(ctx.tenant.slug);
    return { ok: true, data, message: { key: "activityForm.created" } };
  },
  { rulesWhenInvalid },
);

export const updateActivityAction = tenantAction(
  UpdateActivitySchema,
  async (input, ctx) => {
    const { tenant: _t, activityId, version, reason, ...fields } = input;
    const data = await updateActivity(ctx, activityId, version, fields, reason);
    refresh(ctx.tenant.slug);
    return { ok: true, data, message: { key: "activityForm.saved" } };
  },
  { rulesWhenInvalid },
);

export const archiveActivityAction = tenantAction(ArchiveActivitySchema, async (input, ctx) => {
  const archived = input.archived === "true";
  await setActivityArchived(ctx, input.activityId, archived);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: archived ? "activityForm.archivedDone" : "activityForm.restoredDone" } };
});

export const deleteActivityAction = tenantAction(ActivityRefSchema, async (input, ctx) => {
  const data = await deleteActivity(ctx, input.activityId);
  refresh(ctx.tenant.slug);
  return { ok: true, data, message: { key: "activityForm.deletedDone" } };
});

/** "Checked as you type": the form asks while the user types; saving checks again. */
export const checkActivityCodeAction = tenantAction(CheckCodeSchema, async (input, ctx) => {
  if (!isValidActivityCode(input.code)) return { ok: true, data: { valid: false, free: false } };
  const free = await isActivityCodeFree(ctx, input.planId, input.code, input.exceptActivityId);
  return { ok: true, data: { valid: true, free } };
});
