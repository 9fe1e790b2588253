// The handover form, its revocation, and a focal point's primary or alternate role.
import { z } from "@/lib/validation/zod";
import { isIsoDay } from "@/lib/domain/day";
import { IdSchema, TenantSlugSchema } from "./common";

export const CreateHandoverSchema = z.object({
  tenant: TenantSlugSchema,
  toUserId: IdSchema,
  until: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .refine(isIsoDay, { error: "activityForm.validation.date" }),
});
export type CreateHandoverInput = z.infer<typeof CreateHandoverSchema>;

export const HandoverRefSchema = z.object({ tenant: TenantSlugSchema, handoverId: IdSchema });

export const FocalPointRoleSchema = z.object({
  tenant: TenantSlugSchema,
  membershipId: IdSchema,
  role: z.enum(["primary", "alternate"], { error: "validation.required" }),
});
