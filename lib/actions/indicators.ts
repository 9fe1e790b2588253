"use server";

import { revalidatePath } from "next/cache";
import { createIndicator, setIndicatorArchived, updateIndicator } from "@/lib/data/indicators";
import { ArchiveIndicatorSchema, CreateIndicatorSchema, UpdateIndicatorSchema } from "@/lib/validation/activities";
import { tenantAction } from "./safe-action";

const refresh = (slug: string) => revalidatePath(`/${slug}`, "layout");

export const createIndicatorAction = tenantAction(CreateIndicatorSchema, async (input, ctx) => {
  const { tenant: _t, activityId, ...fields } = input;
  const { id } = await createIndicator(ctx, activityId, fields);
  refresh(ctx.tenant.slug);
  return { ok: true, data: { id, version: 1 }, message: { key: "indicatorForm.created" } };
});

export const updateIndicatorAction = tenantAction(UpdateIndicatorSchema, async (input, ctx) => {
  const { tenant: _t, indicatorId, version, reason, ...fields } = input;
  const saved = await updateIndicator(ctx, indicatorId, version, fields, reason);
  refresh(ctx.tenant.slug);
  return { ok: true, data: { id: indicatorId, version: saved.version }, message: { key: "indicatorForm.saved" } };
});

export const archiveIndicatorAction = tenantAction(ArchiveIndicatorSchema, async (input, ctx) => {
  const archived = input.archived === "true";
  await setIndicatorArchived(ctx, input.indicatorId, archived);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: archived ? "indicatorForm.archivedDone" : "indicatorForm.restoredDone" } };
});
