"use server";

import { revalidatePath } from "next/cache";
import { createHandover, revokeHandover } from "@/lib/data/handovers";
import { CreateHandoverSchema, HandoverRefSchema } from "@/lib/validation/handovers";
import { tenantAction } from "./safe-action";

export const createHandoverAction = tenantAction(CreateHandoverSchema, async (input, ctx) => {
  await createHandover(ctx, { toUserId: input.toUserId, until: input.until });
  revalidatePath(`/${ctx.tenant.slug}/handover`);
  return { ok: true, message: { key: "handover.created" } };
});

export const revokeHandoverAction = tenantAction(HandoverRefSchema, async (input, ctx) => {
  await revokeHandover(ctx, input.handoverId);
  revalidatePath(`/${ctx.tenant.slug}/handover`);
  return { ok: true, message: { key: "handover.revoked" } };
});
