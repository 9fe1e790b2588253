"use server";

import { revalidatePath } from "next/cache";
import { markRead } from "@/lib/data/notifications";
import { MarkReadSchema } from "@/lib/validation/notifications";
import { tenantAction } from "./safe-action";

/** Marks one of the person's notifications read, or all of them when no id is sent. */
export const markReadAction = tenantAction(MarkReadSchema, async (input, ctx) => {
  const count = await markRead(ctx, input.notificationId ? [input.notificationId] : "all");
  // The bell in the layout counts again.
  revalidatePath(`/${ctx.tenant.slug}`, "layout");
  return { ok: true, message: { key: "notifications.markedRead", values: { count } } };
});
