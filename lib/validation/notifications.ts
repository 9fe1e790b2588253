import { z } from "@/lib/validation/zod";
import { IdSchema, TenantSlugSchema } from "./common";

/** Mark one notification read, or (without an id) all of the person's. */
export const MarkReadSchema = z.object({
  tenant: TenantSlugSchema,
  notificationId: IdSchema.optional(),
});
