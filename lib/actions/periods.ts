"use server";

import { revalidatePath } from "next/cache";
import {
  closePeriod,
  createPeriod,
  deletePeriod,
  generatePeriods,
  grantException,
  reopenPeriod,
  revokeException,
  updatePeriod,
} from "@/lib/data/reporting/periods";
import {
  ClosePeriodSchema,
  CreatePeriodSchema,
  GeneratePeriodsSchema,
  GrantExceptionSchema,
  PeriodRefSchema,
  ReopenPeriodSchema,
  RevokeExceptionSchema,
  UpdatePeriodSchema,
} from "@/lib/validation/periods";
import { tenantAction } from "./safe-action";

// Periods show on the plan's pages, the activity pages and the review queue: the tenant's pages
// are revalidated as a whole (a period's state is read on every page where it matters).
const refresh = (slug: string) => revalidatePath(`/${slug}`, "layout");

export const generatePeriodsAction = tenantAction(GeneratePeriodsSchema, async (input, ctx) => {
  const { created, skipped } = await generatePeriods(ctx, input.planId, input.cadence, {
    opensBeforeEnd: input.opensBeforeEnd,
    dueAfterEnd: input.dueAfterEnd,
    graceDays: input.graceDays,
  });
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.generated", values: { created, skipped } } };
});

export const createPeriodAction = tenantAction(CreatePeriodSchema, async (input, ctx) => {
  const { id } = await createPeriod(ctx, input.planId, input);
  refresh(ctx.tenant.slug);
  return { ok: true, data: { id }, message: { key: "periods.created" } };
});

export const updatePeriodAction = tenantAction(UpdatePeriodSchema, async (input, ctx) => {
  await updatePeriod(ctx, input.periodId, input.version, input);
  refresh(ctx.tenant.slug);
  return { ok: true, data: { id: input.periodId }, message: { key: "periods.saved" } };
});

export const deletePeriodAction = tenantAction(PeriodRefSchema, async (input, ctx) => {
  await deletePeriod(ctx, input.periodId);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.deleted" } };
});

export const closePeriodAction = tenantAction(ClosePeriodSchema, async (input, ctx) => {
  await closePeriod(ctx, input.periodId, input.reason);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.closed" } };
});

export const reopenPeriodAction = tenantAction(ReopenPeriodSchema, async (input, ctx) => {
  await reopenPeriod(ctx, input.periodId, input.until, input.reason);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.reopened" } };
});

export const grantExceptionAction = tenantAction(GrantExceptionSchema, async (input, ctx) => {
  await grantException(ctx, input.periodId, input);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.exceptions.granted" } };
});

export const revokeExceptionAction = tenantAction(RevokeExceptionSchema, async (input, ctx) => {
  await revokeException(ctx, input.exceptionId);
  refresh(ctx.tenant.slug);
  return { ok: true, message: { key: "periods.exceptions.revoked" } };
});
